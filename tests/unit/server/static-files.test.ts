import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request, createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { precompress } from "../../../src/build/precompress.mjs";
import { acceptedEncodings, createStaticFiles } from "../../../src/server/http/static-files.ts";

const root = mkdtempSync(join(tmpdir(), "st-static-"));
const script = `export const text = ${JSON.stringify("a line the compressor can shrink ".repeat(200))};\n`;
const page = `<!doctype html><title>t</title>${"<p>guide text</p>".repeat(300)}`;
mkdirSync(join(root, "_astro"));
mkdirSync(join(root, "de", "staging"), { recursive: true });
writeFileSync(join(root, "_astro", "entry.abc123.js"), script);
writeFileSync(join(root, "de", "staging", "index.html"), page);
writeFileSync(join(root, "tiny.txt"), "x");
writeFileSync(join(root, "picture.webp"), Buffer.from([1, 2, 3, 4]));
writeFileSync(join(root, "site.webmanifest"), "{}");
writeFileSync(join(tmpdir(), "outside.txt"), "must not be served");

let base = "";
const serve = createStaticFiles(root);
const server = createServer((req, res) => {
	const pathname = decodeURI(new URL(req.url ?? "/", "http://x").pathname);
	if (!serve(req, res, pathname)) {
		res.statusCode = 404;
		res.end("left to astro");
	}
});

beforeAll(async () => {
	precompress(root);
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

/** A raw request: node:http does not decode, so the test sees the bytes on the wire. */
function get(
	path: string,
	headers: Record<string, string> = {},
	method = "GET",
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const req = request(`${base}${path}`, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on("data", (c: Buffer) => chunks.push(c));
			res.on("end", () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
			);
		});
		req.on("error", reject);
		req.end();
	});
}

describe("precompressed static files", () => {
	test("brotli when accepted, and the bytes decode to the file", async () => {
		const res = await get("/_astro/entry.abc123.js", { "accept-encoding": "gzip, deflate, br" });
		expect(res.status).toBe(200);
		expect(res.headers["content-encoding"]).toBe("br");
		expect(res.headers.vary).toBe("Accept-Encoding");
		expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
		expect(Number(res.headers["content-length"])).toBe(res.body.length);
		expect(res.body.length).toBeLessThan(script.length / 5);
		expect(brotliDecompressSync(res.body).toString()).toBe(script);
	});

	test("gzip when brotli is refused or not offered, plain when neither is accepted", async () => {
		for (const accept of ["gzip", "br;q=0, gzip;q=0.5", "*;q=1, br;q=0"]) {
			const res = await get("/_astro/entry.abc123.js", { "accept-encoding": accept });
			expect(res.headers["content-encoding"], accept).toBe("gzip");
			expect(gunzipSync(res.body).toString()).toBe(script);
		}
		for (const accept of [undefined, "identity", "gzip;q=0, br;q=0"]) {
			const res = await get("/_astro/entry.abc123.js", accept ? { "accept-encoding": accept } : {});
			expect(res.headers["content-encoding"], accept).toBeUndefined();
			expect(res.body.toString()).toBe(script);
		}
	});

	test("hashed assets are cached for a year, pages are revalidated", async () => {
		const asset = await get("/_astro/entry.abc123.js");
		expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
		const html = await get("/de/staging/", { "accept-encoding": "br" });
		expect(html.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
		expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
		expect(brotliDecompressSync(html.body).toString()).toBe(page);
	});

	test("an unchanged file answers 304 to its own encoding's validator only", async () => {
		const first = await get("/de/staging/", { "accept-encoding": "br" });
		const etag = String(first.headers.etag);
		const again = await get("/de/staging/", { "accept-encoding": "br", "if-none-match": etag });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
		const plain = await get("/de/staging/", { "if-none-match": etag });
		expect(plain.status).toBe(200);
		expect(plain.body.toString()).toBe(page);
	});

	test("HEAD sends the headers without the body", async () => {
		const res = await get("/de/staging/", { "accept-encoding": "gzip" }, "HEAD");
		expect(res.status).toBe(200);
		expect(Number(res.headers["content-length"])).toBeGreaterThan(0);
		expect(res.body.length).toBe(0);
	});

	test("files that do not compress go out as they are, without Vary", async () => {
		const picture = await get("/picture.webp", { "accept-encoding": "br" });
		expect(picture.headers["content-encoding"]).toBeUndefined();
		expect(picture.headers.vary).toBeUndefined();
		expect([...picture.body]).toEqual([1, 2, 3, 4]);
		const tiny = await get("/tiny.txt", { "accept-encoding": "br" });
		expect(tiny.headers["content-encoding"]).toBeUndefined();
		expect(tiny.body.toString()).toBe("x");
	});

	test("paths without a file, outside the folder, naming a twin or of an unlisted type are left to Astro", async () => {
		for (const path of [
			"/de/staging",
			"/api/health",
			"/../outside.txt",
			"/_astro/entry.abc123.js.br",
		]) {
			const res = await get(path);
			expect(res.status, path).toBe(404);
			expect(res.body.toString(), path).toBe("left to astro");
		}
		const post = await get("/de/staging/", {}, "POST");
		expect(post.body.toString()).toBe("left to astro");
	});

	test("Accept-Encoding is read with its weights", () => {
		expect(acceptedEncodings("gzip, deflate, br")).toEqual(["br", "gzip"]);
		expect(acceptedEncodings("br;q=0")).toEqual([]);
		expect(acceptedEncodings("*")).toEqual(["br", "gzip"]);
		expect(acceptedEncodings(undefined)).toEqual([]);
	});
});
