import { deviceCookie, deviceMaxAgeMs, signInCookie } from "./trainer-auth.ts";
import type { TrainerAccount } from "./accounts.ts";
import { accountKey, maxEmailLength } from "./sign-in-name.ts";
import type { AuditActor } from "./audit.ts";
import type { ServerContext } from "../context.ts";
import { maxPasswordLength } from "../config.ts";
import { HttpError } from "../errors.ts";
import {
	clientAddress,
	clientKey,
	isHttps,
	readCookie,
	serializeCookie,
	type RequestMeta,
} from "../request.ts";

/** The trainer the request is signed in as, or null. */
export async function currentTrainer(
	request: Request,
	ctx: ServerContext,
): Promise<TrainerAccount | null> {
	return (await ctx.auth.signInOf(readCookie(request, signInCookie)))?.trainer ?? null;
}

/** Throws 401 unless the request carries a valid trainer session; the trainer otherwise. */
export async function requireTrainer(
	request: Request,
	ctx: ServerContext,
): Promise<TrainerAccount> {
	const trainer = await currentTrainer(request, ctx);
	if (trainer === null) throw new HttpError(401, "unauthorized", "Sign in as a trainer first.");
	return trainer;
}

/** Throws 401 without a session, 403 unless the trainer is an administrator. */
export async function requireAdmin(request: Request, ctx: ServerContext): Promise<TrainerAccount> {
	const trainer = await requireTrainer(request, ctx);
	if (trainer.role !== "admin") {
		throw new HttpError(403, "forbidden", "Only administrators may do this.");
	}
	return trainer;
}

/** Who is acting in a request, for ownership and the audit trail. */
export interface Acting {
	readonly trainer: TrainerAccount;
	/** The client's address (see `clientAddress`). */
	readonly address: string;
}

/** Throws 401 unless signed in; the trainer and their address otherwise. */
export async function requireActing(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
): Promise<Acting> {
	const trainer = await requireTrainer(request, ctx);
	return { trainer, address: clientAddress(request, meta, ctx.config) };
}

/** The audit trail's actor for an account. */
export function actorOf(trainer: TrainerAccount): AuditActor {
	return { id: trainer.id, name: trainer.email };
}

export type SignInResult =
	| {
			readonly ok: true;
			readonly trainer: TrainerAccount;
			/** Set-Cookie values: the session, and the device cookie for a browser new to us. */
			readonly cookies: readonly string[];
	  }
	| { readonly ok: false; readonly reason: "wrong-password" }
	| { readonly ok: false; readonly reason: "rate-limited"; readonly retryAfter: number };

/** The cookies that start a session for `trainer`, remembering the browser (`device`, if known). */
export async function sessionCookies(
	request: Request,
	ctx: ServerContext,
	trainer: TrainerAccount,
	device: string | null,
): Promise<string[]> {
	const session = await ctx.auth.startSession(trainer.id);
	const secure = isHttps(request, ctx.config);
	const cookies = [
		serializeCookie(signInCookie, session.token, {
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
	return cookies;
}

/**
 * Checks an e-mail (or sign-in name) and password under the sign-in limits (sign-in-limits.ts): a
 * browser that signed in before is limited on its own, any other by its address, by the account
 * tried and by the limit for all addresses together. The answer never tells whether the account
 * exists. Both outcomes go into the audit trail.
 */
export async function signIn(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	email: string,
	password: string,
): Promise<SignInResult> {
	const device = await ctx.auth.knownDevice(readCookie(request, deviceCookie));
	const address = clientAddress(request, meta, ctx.config);
	const name = [...email.trim()].slice(0, maxEmailLength).join("");
	const decision = await ctx.signInLimits.begin(
		device === null ? `address:${clientKey(request, meta, ctx.config)}` : `device:${device}`,
		{ global: device === null, account: accountKey(name) },
	);
	if (!decision.ok) return { ok: false, reason: "rate-limited", retryAfter: decision.retryAfter };
	// Cut as TRAINER_PASSWORD is measured: in characters, not UTF-16 units.
	const trainer = await ctx.auth.checkPassword(
		name,
		[...password].slice(0, maxPasswordLength).join(""),
	);
	if (trainer === null) {
		await decision.ticket.failed();
		await ctx.audit.record({
			actor: { id: null, name },
			action: "sign-in-failed",
			targetType: "none",
			targetId: "",
			target: "",
			details: { method: "password" },
			address,
		});
		return { ok: false, reason: "wrong-password" };
	}
	await decision.ticket.succeeded();
	await recordSignIn(ctx, trainer, "password", address);
	return { ok: true, trainer, cookies: await sessionCookies(request, ctx, trainer, device) };
}

/** The audit entry of a successful sign-in, by password or single sign-on. */
export function recordSignIn(
	ctx: ServerContext,
	trainer: TrainerAccount,
	method: "password" | "oidc",
	address: string,
): Promise<void> {
	return ctx.audit.record({
		actor: actorOf(trainer),
		action: "sign-in",
		targetType: "trainer",
		targetId: trainer.id,
		target: trainer.email,
		details: { method },
		address,
	});
}

/** Ends the request's session; returns the cookie that clears it in the browser. */
export async function signOut(request: Request, ctx: ServerContext): Promise<string> {
	await ctx.auth.signOut(readCookie(request, signInCookie));
	return serializeCookie(signInCookie, "", {
		maxAgeSeconds: 0,
		secure: isHttps(request, ctx.config),
	});
}
