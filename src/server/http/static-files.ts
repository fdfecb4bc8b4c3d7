import { createReadStream, statSync, type Stats } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

/**
 * The built site's static files (the prerendered guide, its scripts, styles and pictures), served
 * before Astro's handler sees the request so that each goes out in the smallest encoding the
 * browser accepts and with caching that fits it. The build writes a `.br` and a `.gz` beside every
 * compressible file (`src/build/precompress.mjs`); nothing is compressed per request. A path with no
 * file behind it (an on-demand route, a redirect, a 404), or a file of a type not listed here, is
 * left to Astro.
 */

const types: Readonly<Record<string, string>> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".mjs": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".json": "application/json; charset=utf-8",
	".svg": "image/svg+xml",
	".xml": "application/xml; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
	".webp": "image/webp",
	".avif": "image/avif",
	".png": "image/png",
	".jpg": "image/jpeg",
	".ico": "image/x-icon",
	".woff2": "font/woff2",
	".wasm": "application/wasm",
	// Pagefind's index: binary fragments it decompresses itself.
	".pf_fragment": "application/octet-stream",
	".pf_index": "application/octet-stream",
	".pf_meta": "application/octet-stream",
	".pagefind": "application/octet-stream",
};

/** The extensions the build precompresses: text, where brotli and gzip save most. */
export const compressible: readonly string[] = [
	".html",
	".js",
	".mjs",
	".css",
	".json",
	".svg",
	".xml",
	".txt",
];

/** Which encodings a request accepts, best first among those we have: brotli, gzip, none. */
export function acceptedEncodings(header: string | undefined): ("br" | "gzip")[] {
	const q = new Map<string, number>();
	for (const part of (header ?? "").split(",")) {
		const [name, ...params] = part.trim().toLowerCase().split(";");
		if (!name) continue;
		const weight = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
		q.set(name, weight === undefined ? 1 : Number(weight.slice(2)) || 0);
	}
	const accepts = (name: string) => (q.get(name) ?? q.get("*") ?? 0) > 0;
	return (["br", "gzip"] as const).filter(accepts);
}

/**
 * How long a browser may keep a file: Vite's hashed assets never change under their name, so a
 * year and immutable; pages and everything else are revalidated each time (cheap with ETag), so a
 * new build is seen at once.
 */
export function cacheControl(pathname: string): string {
	return pathname.startsWith("/_astro/")
		? "public, max-age=31536000, immutable"
		: "public, max-age=0, must-revalidate";
}

function fileAt(path: string): Stats | null {
	try {
		const stats = statSync(path);
		return stats.isFile() ? stats : null;
	} catch {
		return null;
	}
}

/**
 * Returns a listener that answers a GET or HEAD for a file of `root` and says so (true), or leaves
 * the request alone (false). `pathname` is the decoded path the shell routes by.
 */
export function createStaticFiles(root: string) {
	const base = normalize(root.endsWith(sep) ? root : root + sep);
	return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
		if (req.method !== "GET" && req.method !== "HEAD") return false;
		const relative = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
		const path = normalize(join(base, relative));
		// No way out of the build's folder, and no serving of the precompressed twins by name.
		if (!path.startsWith(base) || /\.(br|gz)$/.test(path)) return false;
		const stats = fileAt(path);
		if (!stats) return false;

		const extension = extname(path);
		const type = types[extension];
		if (type === undefined) return false;
		const etagBase = `${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}`;
		let file = path;
		let size = stats.size;
		let encoding: "br" | "gzip" | null = null;
		if (compressible.includes(extension)) {
			res.setHeader("Vary", "Accept-Encoding");
			for (const candidate of acceptedEncodings(req.headers["accept-encoding"] as string)) {
				const twin = fileAt(`${path}.${candidate === "br" ? "br" : "gz"}`);
				if (twin) {
					file = `${path}.${candidate === "br" ? "br" : "gz"}`;
					size = twin.size;
					encoding = candidate;
					break;
				}
			}
		}
		// One validator per representation: the compressed bytes differ from the plain ones.
		const etag = `"${etagBase}${encoding ? `-${encoding}` : ""}"`;
		res.setHeader("ETag", etag);
		res.setHeader("Last-Modified", stats.mtime.toUTCString());
		res.setHeader("Cache-Control", cacheControl(pathname));
		res.setHeader("Content-Type", type);
		const match = req.headers["if-none-match"];
		if (match !== undefined && match.split(",").some((tag) => tag.trim() === etag)) {
			res.statusCode = 304;
			res.end();
			return true;
		}
		if (encoding) res.setHeader("Content-Encoding", encoding);
		res.setHeader("Content-Length", size);
		res.statusCode = 200;
		if (req.method === "HEAD") {
			res.end();
			return true;
		}
		const stream = createReadStream(file);
		stream.on("error", () => res.destroy());
		stream.pipe(res);
		return true;
	};
}
