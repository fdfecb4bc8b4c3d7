import { deviceCookie, deviceMaxAgeMs, signInCookie } from "./trainer-auth.ts";
import type { ServerContext } from "../context.ts";
import { maxPasswordLength } from "../config.ts";
import { HttpError } from "../errors.ts";
import { clientKey, isHttps, readCookie, serializeCookie, type RequestMeta } from "../request.ts";

/** Whether the request carries a valid trainer session. */
export async function isTrainer(request: Request, ctx: ServerContext): Promise<boolean> {
	return (await ctx.auth.signInOf(readCookie(request, signInCookie))) !== null;
}

/** Throws 401 unless the request carries a valid trainer session. */
export async function requireTrainer(request: Request, ctx: ServerContext): Promise<void> {
	if (!(await isTrainer(request, ctx))) {
		throw new HttpError(401, "unauthorized", "Sign in as a trainer first.");
	}
}

export type SignInResult =
	| {
			readonly ok: true;
			/** Set-Cookie values: the session, and the device cookie for a browser new to us. */
			readonly cookies: readonly string[];
	  }
	| { readonly ok: false; readonly reason: "wrong-password" }
	| { readonly ok: false; readonly reason: "rate-limited"; readonly retryAfter: number };

/**
 * Checks a password under the sign-in limits (sign-in-limits.ts): a browser that signed in before
 * is limited on its own, any other by its address and the limit for all addresses together.
 */
export async function signIn(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	password: string,
): Promise<SignInResult> {
	const device = await ctx.auth.knownDevice(readCookie(request, deviceCookie));
	const decision = await ctx.signInLimits.begin(
		device === null ? `address:${clientKey(request, meta, ctx.config)}` : `device:${device}`,
		{ global: device === null },
	);
	if (!decision.ok) return { ok: false, reason: "rate-limited", retryAfter: decision.retryAfter };
	// Cut as TRAINER_PASSWORD is measured: in characters, not UTF-16 units.
	const signedIn = await ctx.auth.signIn([...password].slice(0, maxPasswordLength).join(""));
	if (signedIn === null) {
		await decision.ticket.failed();
		return { ok: false, reason: "wrong-password" };
	}
	await decision.ticket.succeeded();
	const secure = isHttps(request, ctx.config);
	const cookies = [
		serializeCookie(signInCookie, signedIn.token, {
			maxAgeSeconds: ctx.config.signInHours * 3600,
			secure,
		}),
	];
	const newDevice = await ctx.auth.trustDevice(device);
	if (newDevice !== null) {
		cookies.push(
			serializeCookie(deviceCookie, newDevice, { maxAgeSeconds: deviceMaxAgeMs / 1000, secure }),
		);
	}
	return { ok: true, cookies };
}

/** Ends the request's session; returns the cookie that clears it in the browser. */
export async function signOut(request: Request, ctx: ServerContext): Promise<string> {
	await ctx.auth.signOut(readCookie(request, signInCookie));
	return serializeCookie(signInCookie, "", {
		maxAgeSeconds: 0,
		secure: isHttps(request, ctx.config),
	});
}
