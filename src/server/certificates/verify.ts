import type { ServerContext } from "../context.ts";
import { clientKey, type RequestMeta } from "../request.ts";
import type { Certificate } from "./store.ts";

/**
 * A verification (the public page, the PDF by code): limited per address, so codes cannot be
 * tried in bulk, then the certificate if the code is the server's and the certificate exists.
 */
export type Verification =
	| { readonly kind: "genuine"; readonly certificate: Certificate }
	| { readonly kind: "not-genuine" }
	| { readonly kind: "limited"; readonly seconds: number };

export async function verifyCode(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	code: string,
): Promise<Verification> {
	const wait = ctx.verifyLimit.take(clientKey(request, meta, ctx.config));
	if (wait > 0) return { kind: "limited", seconds: wait };
	const certificate = code.length > 40 ? null : await ctx.certificates.byCode(code);
	return certificate === null ? { kind: "not-genuine" } : { kind: "genuine", certificate };
}

/** Public pages about one certificate: never cached, never indexed. */
export const verifyHeaders: Readonly<Record<string, string>> = {
	"Cache-Control": "no-store",
	"X-Robots-Tag": "noindex, nofollow",
	"Referrer-Policy": "no-referrer",
};

/** Where a certificate is verified: the site's public address (SITE_URL) or the request's. */
export function verifyUrl(ctx: ServerContext, request: Request, locale: string, code: string) {
	const origin = ctx.config.siteUrl?.origin ?? new URL(request.url).origin;
	return new URL(`/${locale}/verify/${encodeURIComponent(code)}/`, origin).toString();
}
