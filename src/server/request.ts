import { isIPv4, isIPv6 } from "node:net";
import type { ServerConfig } from "./config.ts";

/** What a handler needs to know about the request beyond the Request itself. */
export interface RequestMeta {
	/** The socket's peer address, as Astro's `clientAddress` gives it. */
	readonly clientAddress: string;
}

/**
 * What a rate limit counts an address as: an IPv4 address as it is (also when written as
 * `::ffff:a.b.c.d`), an IPv6 address by its /64 network, which one household or server usually
 * holds whole, so that cycling through its 2^64 addresses gives no extra attempts.
 */
export function addressKey(address: string): string {
	const bare = address.replace(/%.*$/, "");
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
	if (mapped) return mapped[1]!;
	if (isIPv4(bare) || !isIPv6(bare)) return bare;
	const [head = "", tail = ""] = bare.split("::");
	const front = head === "" ? [] : head.split(":");
	const back = tail === "" ? [] : tail.split(":");
	const groups = bare.includes("::")
		? [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back]
		: front;
	return `${groups
		.slice(0, 4)
		.map((g) => Number.parseInt(g, 16).toString(16))
		.join(":")}::/64`;
}

/**
 * The address rate limits count against. Behind a reverse proxy (TRUST_PROXY) that is the last
 * X-Forwarded-For entry, the one the proxy itself added; earlier entries are client-supplied. (The
 * server shell passes X-Forwarded-For on only from a trusted proxy.)
 */
export function clientKey(request: Request, meta: RequestMeta, config: ServerConfig): string {
	if (config.trustProxy) {
		const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
		if (forwarded) return addressKey(forwarded);
	}
	return addressKey(meta.clientAddress);
}

/** The client's whole address, for the audit trail: the proxy's forwarded one, or the socket's. */
export function clientAddress(request: Request, meta: RequestMeta, config: ServerConfig): string {
	if (config.trustProxy) {
		const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
		if (forwarded) return forwarded.slice(0, 64);
	}
	return meta.clientAddress.replace(/^::ffff:(?=\d+\.)/i, "");
}

/** Whether `address` (a socket's peer) is one of the proxies TRUST_PROXY names. */
export function isTrustedProxy(address: string | undefined, config: ServerConfig): boolean {
	if (!config.trustProxy || address === undefined) return false;
	const bare = address.replace(/^::ffff:/i, "");
	return config.trustedProxies.some((proxy) =>
		proxy === "loopback"
			? /^127\./.test(bare) || bare === "::1"
			: proxy === bare || proxy === address,
	);
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
	/** The whole site unless given. */
	readonly path?: string;
	/** Strict unless given: only a cookie a provider's redirect must bring back is Lax. */
	readonly sameSite?: "Strict" | "Lax";
}

/** A session cookie: HttpOnly, SameSite=Strict, whole site, Secure over https. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
	return [
		`${name}=${value}`,
		`Path=${options.path ?? "/"}`,
		`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
		"HttpOnly",
		`SameSite=${options.sameSite ?? "Strict"}`,
		...(options.secure ? ["Secure"] : []),
	].join("; ");
}
