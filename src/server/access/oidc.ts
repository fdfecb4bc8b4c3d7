import * as client from "openid-client";
import { isLocale, type Locale } from "../../simulator/text/locale.ts";
import type { OidcConfig } from "../config.ts";
import { readText } from "../body.ts";
import type { ServerContext } from "../context.ts";
import {
	clientAddress,
	isHttps,
	readCookie,
	serializeCookie,
	type RequestMeta,
} from "../request.ts";
import { privateHeaders, safeNext } from "../trainer/page.ts";
import type { TrainerAccount } from "./accounts.ts";
import { recordSignIn, sessionCookies } from "./sign-in.ts";
import { isEmail } from "./sign-in-name.ts";

/**
 * Single sign-on with the company's identity provider (OpenID Connect): the authorization code
 * flow with PKCE, state and nonce, through `openid-client`. The account is found by the verified
 * e-mail claim and must have been invited, unless its domain is in OIDC_ALLOWED_DOMAINS; nobody
 * else gets in. What the flow needs between leaving for the provider and coming back (the PKCE
 * verifier, state, nonce, where to go) lives in a short cookie of this browser only, so any
 * server instance can finish it, and a code or link from another browser finds no flow to finish.
 */

export const oidcPaths = {
	start: "/api/trainer/oidc/start",
	callback: "/api/trainer/oidc/callback",
} as const;

const flowCookie = "st_oidc";
const flowSeconds = 600;

/** Why a single sign-on was refused: each has its message on the sign-in page. */
export const oidcRefusals = [
	"unavailable",
	"state",
	"refused",
	"unverified",
	"not-invited",
] as const;
export type OidcRefusal = (typeof oidcRefusals)[number];

interface Flow {
	readonly state: string;
	readonly nonce: string;
	readonly verifier: string;
	readonly next: string;
	readonly locale: Locale;
}

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration, discovered once per process (and again after a failure). Plain
 * http is allowed for a provider on this machine only (the configuration refuses any other).
 */
function configuration(oidc: OidcConfig): Promise<client.Configuration> {
	const key = `${oidc.issuer.href} ${oidc.clientId}`;
	let found = discovered.get(key);
	if (found === undefined) {
		found = client.discovery(
			oidc.issuer,
			oidc.clientId,
			oidc.clientSecret,
			undefined,
			oidc.issuer.protocol === "http:" ? { execute: [client.allowInsecureRequests] } : undefined,
		);
		discovered.set(key, found);
		found.catch(() => discovered.delete(key));
	}
	return found;
}

/** This server's own origin, as the provider sends the browser back to it. */
function origin(request: Request, ctx: ServerContext): string {
	return (ctx.config.siteUrl ?? new URL(request.url)).origin;
}

function flowCookieOf(request: Request, ctx: ServerContext, value: string, seconds: number) {
	return serializeCookie(flowCookie, value, {
		maxAgeSeconds: seconds,
		secure: isHttps(request, ctx.config),
		path: "/api/trainer/oidc/",
		// The provider sends the browser back with a top-level GET from its own site.
		sameSite: "Lax",
	});
}

function readFlow(request: Request): Flow | null {
	const raw = readCookie(request, flowCookie);
	if (raw === undefined || raw.length > 2000) return null;
	try {
		const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Flow>;
		if (
			typeof value.state !== "string" ||
			typeof value.nonce !== "string" ||
			typeof value.verifier !== "string" ||
			typeof value.next !== "string" ||
			typeof value.locale !== "string" ||
			!isLocale(value.locale)
		) {
			return null;
		}
		return value as Flow;
	} catch {
		return null;
	}
}

function redirect(location: string, cookies: readonly string[] = []): Response {
	const headers = new Headers({ ...privateHeaders, Location: location });
	for (const cookie of cookies) headers.append("Set-Cookie", cookie);
	return new Response(null, { status: 303, headers });
}

/**
 * POST /api/trainer/oidc/start (form fields `lang`, `next`): leaves for the identity provider, with
 * a new PKCE verifier, state and nonce kept in this browser's flow cookie. A POST, not a link: a
 * browser's or scanner's prefetch of a link would start a second flow and overwrite the cookie of
 * the one the trainer is in.
 */
export async function startOidc(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
): Promise<Response> {
	let params = new URLSearchParams();
	try {
		params = new URLSearchParams(await readText(request, 4 * 1024));
	} catch {
		// An unreadable form starts a flow in German back to the trainer area.
	}
	const lang = params.get("lang") ?? "de";
	const locale: Locale = isLocale(lang) ? lang : "de";
	const login = `/${locale}/trainer/login/`;
	const oidc = ctx.config.oidc;
	if (oidc === null) return redirect(login);
	let config: client.Configuration;
	try {
		config = await configuration(oidc);
	} catch {
		// Out of reach, or its discovery names another issuer than OIDC_ISSUER.
		await ctx.audit.record({
			actor: { id: null, name: "single sign-on" },
			action: "sign-in-failed",
			targetType: "none",
			targetId: "",
			target: "",
			details: { method: "oidc", reason: "unavailable" },
			address: clientAddress(request, meta, ctx.config),
		});
		return redirect(`${login}?sso=unavailable`);
	}
	const flow: Flow = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier: client.randomPKCECodeVerifier(),
		next: safeNext(locale, params.get("next")),
		locale,
	};
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: `${origin(request, ctx)}${oidcPaths.callback}`,
		scope: "openid email profile",
		code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
		code_challenge_method: "S256",
		state: flow.state,
		nonce: flow.nonce,
	});
	const value = Buffer.from(JSON.stringify(flow)).toString("base64url");
	// A page that moves on, not a redirect: the pages' policy lets forms post to this site only
	// (form-action 'self'), which a browser also applies to where the post is redirected.
	return onwards(url.href, [flowCookieOf(request, ctx, value, flowSeconds)]);
}

/**
 * GET /api/trainer/oidc/callback: the provider's answer. The code is exchanged (with the verifier,
 * and the state and nonce checked by openid-client), the e-mail claim must be verified and belong
 * to an invited, active account (or an allowed domain). Every refusal is a clear message on the
 * sign-in page and an entry in the audit trail.
 */
export async function finishOidc(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
): Promise<Response> {
	const address = clientAddress(request, meta, ctx.config);
	const flow = readFlow(request);
	const locale = flow?.locale ?? "de";
	const clear = flowCookieOf(request, ctx, "", 0);
	const refuse = async (reason: OidcRefusal, who = "single sign-on") => {
		await ctx.audit.record({
			actor: { id: null, name: who },
			action: "sign-in-failed",
			targetType: "none",
			targetId: "",
			target: "",
			details: { method: "oidc", reason },
			address,
		});
		return redirect(`/${locale}/trainer/login/?sso=${reason}`, [clear]);
	};
	const oidc = ctx.config.oidc;
	if (oidc === null) return redirect(`/${locale}/trainer/login/`, [clear]);
	if (flow === null) return refuse("state");
	let config: client.Configuration;
	try {
		config = await configuration(oidc);
	} catch {
		return refuse("unavailable");
	}
	const url = new URL(request.url);
	const current = new URL(`${url.pathname}${url.search}`, origin(request, ctx));
	let claims: client.IDToken | undefined;
	try {
		const tokens = await client.authorizationCodeGrant(config, current, {
			pkceCodeVerifier: flow.verifier,
			expectedState: flow.state,
			expectedNonce: flow.nonce,
			idTokenExpected: true,
		});
		claims = tokens.claims();
	} catch (error) {
		// A state that does not match is checked before the code is sent anywhere.
		const state = error instanceof client.ClientError && error.code === "OAUTH_INVALID_RESPONSE";
		return refuse(state ? "state" : "refused");
	}
	const email = typeof claims?.email === "string" ? claims.email.trim() : "";
	if (email === "" || !isEmail(email)) return refuse("unverified");
	if (claims?.email_verified !== true) return refuse("unverified", email);
	const trainer = await accountFor(ctx, oidc, email, claims);
	if (trainer === null) return refuse("not-invited", email);
	await recordSignIn(ctx, trainer, "oidc", address);
	const cookies = await sessionCookies(request, ctx, trainer, null);
	return onwards(flow.next, [clear, ...cookies]);
}

/**
 * A page of this site that moves on by itself, to the provider or, after signing in, into the
 * trainer area. A redirect would keep the navigation the provider started, and a browser does not
 * send a SameSite=Strict session cookie on a navigation another site started; from this page, it
 * does.
 */
function onwards(next: string, cookies: readonly string[]): Response {
	const href = next.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
	const headers = new Headers({ ...privateHeaders, "Content-Type": "text/html; charset=utf-8" });
	for (const cookie of cookies) headers.append("Set-Cookie", cookie);
	return new Response(
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>…</title></head><body><p><a href="${href}">${href}</a></p></body></html>`,
		{ status: 200, headers },
	);
}

/**
 * The active account of a verified e-mail: an invited one (its invitation then counts as
 * followed), or, for an allowed domain, a new trainer account. Null for anyone else, and for a
 * disabled account.
 */
async function accountFor(
	ctx: ServerContext,
	oidc: OidcConfig,
	email: string,
	claims: client.IDToken | undefined,
): Promise<TrainerAccount | null> {
	const found = await ctx.accounts.findByEmail(email);
	if (found !== null) {
		if (found.state !== "active") return null;
		await ctx.accounts.markInvitationsFollowed(found.id);
		return found;
	}
	const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
	if (!oidc.allowedDomains.includes(domain)) return null;
	const name = typeof claims?.name === "string" && claims.name.trim() !== "" ? claims.name : email;
	const invited = await ctx.accounts.invite({
		email,
		name: name.slice(0, 120),
		role: "trainer",
		by: null,
	});
	if (!invited.ok) return null;
	const accepted = await ctx.accounts.acceptInvitation(invited.token, null);
	return accepted.ok ? accepted.account : null;
}
