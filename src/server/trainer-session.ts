import { sessionCookie } from "./auth.ts";
import type { ServerContext } from "./context.ts";
import { HttpError } from "./errors.ts";
import { clientKey, isHttps, readCookie, serializeCookie, type RequestMeta } from "./request.ts";

/** Whether the request carries a valid trainer session. */
export function isTrainer(request: Request, ctx: ServerContext): boolean {
	return ctx.auth.session(readCookie(request, sessionCookie)) !== null;
}

/** Throws 401 unless the request carries a valid trainer session. */
export function requireTrainer(request: Request, ctx: ServerContext): void {
	if (!isTrainer(request, ctx)) {
		throw new HttpError(401, "unauthorized", "Sign in as a trainer first.");
	}
}

export type LoginResult =
	| { readonly ok: true; readonly cookie: string }
	| { readonly ok: false; readonly reason: "wrong-password" }
	| { readonly ok: false; readonly reason: "rate-limited"; readonly retryAfter: number };

/** Checks a password under the per-address login limit; on success, the session cookie to set. */
export async function login(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	password: string,
): Promise<LoginResult> {
	const wait = ctx.loginLimit.take(clientKey(request, meta, ctx.config));
	if (wait > 0) return { ok: false, reason: "rate-limited", retryAfter: wait };
	const session = await ctx.auth.login(password.slice(0, 1000));
	if (session === null) return { ok: false, reason: "wrong-password" };
	return {
		ok: true,
		cookie: serializeCookie(sessionCookie, session.token, {
			maxAgeSeconds: ctx.config.sessionHours * 3600,
			secure: isHttps(request, ctx.config),
		}),
	};
}

/** Ends the request's session; returns the cookie that clears it in the browser. */
export function logout(request: Request, ctx: ServerContext): string {
	ctx.auth.logout(readCookie(request, sessionCookie));
	return serializeCookie(sessionCookie, "", {
		maxAgeSeconds: 0,
		secure: isHttps(request, ctx.config),
	});
}
