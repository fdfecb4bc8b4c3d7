import type { ServerConfig } from "./config.ts";

/** What a handler needs to know about the request beyond the Request itself. */
export interface RequestMeta {
	/** The socket's peer address, as Astro's `clientAddress` gives it. */
	readonly clientAddress: string;
}

/**
 * The address rate limits count against. Behind a reverse proxy (TRUST_PROXY) that is the last
 * X-Forwarded-For entry, the one the proxy itself added; earlier entries are client-supplied.
 */
export function clientKey(request: Request, meta: RequestMeta, config: ServerConfig): string {
	if (config.trustProxy) {
		const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
		if (forwarded) return forwarded;
	}
	return meta.clientAddress;
}

/** Whether the client reached us over https (directly, or via a trusted proxy). */
export function isHttps(request: Request, config: ServerConfig): boolean {
	if (new URL(request.url).protocol === "https:") return true;
	return config.trustProxy && request.headers.get("x-forwarded-proto")?.trim() === "https";
}

export function readCookie(request: Request, name: string): string | undefined {
	const header = request.headers.get("cookie");
	if (header === null) return undefined;
	for (const part of header.split(";")) {
		const index = part.indexOf("=");
		if (index === -1) continue;
		if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
	}
	return undefined;
}

export interface CookieOptions {
	readonly maxAgeSeconds: number;
	readonly secure: boolean;
}

/** A session cookie: HttpOnly, SameSite=Strict, whole site, Secure over https. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
	return [
		`${name}=${value}`,
		"Path=/",
		`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
		"HttpOnly",
		"SameSite=Strict",
		...(options.secure ? ["Secure"] : []),
	].join("; ");
}
