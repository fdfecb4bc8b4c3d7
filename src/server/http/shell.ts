import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerConfig } from "../config.ts";
import { isTrustedProxy } from "../request.ts";
import { privateFrameHeaders, shellMarkHeader, shellMarkKey, siteHeaders } from "./headers.ts";
import { allowedMethods, isApiPath, isPrivatePath } from "./routes.ts";

/**
 * The server shell: what every request passes before the built site (Astro's node handler) sees it,
 * started by `scripts/start.mjs`. It owns what must hold for every response, the static guide's
 * included: the site-wide security headers, the methods each path answers (405 otherwise), which
 * X-Forwarded-* headers are believed, and an answer with a body when the handler fails.
 */

export type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Answers a request for a built file and says so, or leaves it to the handler (false). */
export type StaticFiles = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;

const forwardedHeaders = [
	"x-forwarded-for",
	"x-forwarded-proto",
	"x-forwarded-host",
	"x-forwarded-port",
];

/** The last entry of a comma-separated header: the one our own proxy added. */
function lastEntry(value: string | string[] | undefined): string | undefined {
	const joined = Array.isArray(value) ? value.join(",") : value;
	const entry = joined?.split(",").at(-1)?.trim();
	return entry === "" ? undefined : entry;
}

/**
 * Behind a TLS-terminating proxy (TRUST_PROXY), Astro must build the request's URL from the public
 * scheme and host, or its origin check refuses the site's own form posts. The build lets Astro read
 * X-Forwarded-Proto and -Host (`security.allowedDomains` in astro.config.mjs); this decides what
 * reaches it: nothing unless TRUST_PROXY is set and the request comes from a proxy it names (a
 * client could claim anything), and then only the entries the proxy itself added (the last ones).
 * The host is SITE_URL's; without SITE_URL Astro keeps the Host header the proxy passes on, as a
 * client's own X-Forwarded-Host would travel through most proxies untouched.
 */
export function normaliseForwarded(req: IncomingMessage, config: ServerConfig): void {
	const incoming = Object.fromEntries(forwardedHeaders.map((name) => [name, req.headers[name]]));
	for (const name of forwardedHeaders) delete req.headers[name];
	if (!isTrustedProxy(req.socket.remoteAddress, config)) return;
	const client = lastEntry(incoming["x-forwarded-for"]);
	if (client !== undefined) req.headers["x-forwarded-for"] = client;
	const proto = lastEntry(incoming["x-forwarded-proto"])?.toLowerCase();
	const scheme =
		proto === "http" || proto === "https" ? proto : config.siteUrl?.protocol.slice(0, -1);
	if (scheme !== undefined) req.headers["x-forwarded-proto"] = scheme;
	if (config.siteUrl !== null) req.headers["x-forwarded-host"] = config.siteUrl.host;
}

/** The request's path as the router sees it: decoded where possible, repeated slashes collapsed. */
export function pathOf(url: string | undefined): string {
	let path = url ?? "/";
	if (!path.startsWith("/")) {
		try {
			path = new URL(path).pathname;
		} catch {
			return "/";
		}
	}
	path = path.replace(/[?#].*$/s, "");
	try {
		path = decodeURI(path);
	} catch {
		// Astro's handler answers 400 for a malformed escape; match it undecoded meanwhile.
	}
	return path.replace(/\/{2,}/g, "/");
}

const bilingual = {
	405: "Diese Anfrage ist hier nicht möglich. / This request method is not allowed here.",
	500: "Der Server konnte die Anfrage nicht bearbeiten. / The server could not handle the request.",
} as const;

/** An error answer with a body: JSON `{ error, message }` under /api/, else a line of text. */
function answer(
	res: ServerResponse,
	status: 405 | 500,
	pathname: string,
	headers: Record<string, string> = {},
): void {
	const [body, type] = isApiPath(pathname)
		? [
				JSON.stringify({
					error: status === 405 ? "method-not-allowed" : "internal",
					message:
						status === 405
							? `This route answers ${headers.Allow ?? "GET"} only.`
							: "The server could not handle the request.",
				}),
				"application/json; charset=utf-8",
			]
		: [`${bilingual[status]}\n`, "text/plain; charset=utf-8"];
	res.writeHead(status, {
		...headers,
		"Content-Type": type,
		"Content-Length": Buffer.byteLength(body),
		"Cache-Control": "no-store",
	});
	res.end(body);
}

export function createShell(
	handler: Listener,
	config: ServerConfig,
	staticFiles?: StaticFiles,
): Listener {
	const mark = randomBytes(16).toString("hex");
	(globalThis as Record<symbol, unknown>)[shellMarkKey] = mark;
	return (req, res) => {
		const pathname = pathOf(req.url);
		for (const [name, value] of Object.entries(siteHeaders)) res.setHeader(name, value);
		if (isPrivatePath(pathname)) {
			for (const [name, value] of Object.entries(privateFrameHeaders)) res.setHeader(name, value);
		}
		const methods = allowedMethods(pathname);
		if (!(methods as readonly string[]).includes(req.method ?? "")) {
			// The body, if any, is not read; close the connection rather than drain it.
			res.setHeader("Connection", "close");
			answer(res, 405, pathname, { Allow: methods.join(", ") });
			return;
		}
		// The guide's files go out precompressed, with their caching, before Astro is asked.
		if (staticFiles?.(req, res, pathname)) return;
		normaliseForwarded(req, config);
		req.headers[shellMarkHeader] = mark;
		const fail = (error: unknown) => {
			console.error("[server] unhandled error for", req.method, pathname, error);
			if (!res.headersSent) answer(res, 500, pathname);
			else res.destroy();
		};
		try {
			const result = handler(req, res);
			if (result instanceof Promise) result.catch(fail);
		} catch (error) {
			fail(error);
		}
	};
}
