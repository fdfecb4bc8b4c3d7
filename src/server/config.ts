import { isIP } from "node:net";
import { resolve } from "node:path";
import type { SyncMode } from "./database/sqlite-schema.ts";
import { bootstrapName, isEmail } from "./access/sign-in-name.ts";

/** Everything the score server reads from the environment, parsed once. */
export interface ServerConfig {
	/**
	 * DATABASE_URL: a PostgreSQL server shared by several server instances, or null for the SQLite
	 * file `dbPath` (the default).
	 */
	readonly databaseUrl: string | null;
	/** SQLite file; created with its folder on first start. */
	readonly dbPath: string;
	/** SCORES_SYNC: "normal" survives kill -9; "full" also survives a power cut (see openDatabase). */
	readonly sync: SyncMode;
	/**
	 * TRAINER_PASSWORD: on a server without trainer accounts, the first administrator's password;
	 * when absent, the shared password an earlier release kept, or a generated one.
	 */
	readonly trainerPassword: string | undefined;
	/** TRAINER_EMAIL: the first administrator's sign-in (an e-mail address), or "admin". */
	readonly trainerEmail: string;
	/** Single sign-on through the company's identity provider (OpenID Connect), or null. */
	readonly oidc: OidcConfig | null;
	/** Attempt submissions per client address and minute. */
	readonly submitPerMinute: number;
	/** Sign-in attempts per client address (or per known browser) and minute. */
	readonly loginPerMinute: number;
	/** Failed sign-in tries per minute from all addresses together (see sign-in-limits.ts). */
	readonly loginGlobalPerMinute: number;
	/** How long a trainer session lasts. */
	readonly signInHours: number;
	/** Hours after which an issued assessment attempt never sent counts as abandoned. */
	readonly abandonedAfterHours: number;
	/** Where `npm run build` put the simulator SCORM packages carry, one folder per language. */
	readonly lmsRuntimeDir: string;
	/** The organisation a certificate names as its issuer (CERTIFICATE_ISSUER). */
	readonly certificateIssuer: string;
	/** Certificate verifications and downloads per address and minute. */
	readonly verifyPerMinute: number;
	/** Behind a reverse proxy: take the client address and protocol from X-Forwarded-* headers. */
	readonly trustProxy: boolean;
	/**
	 * Whose X-Forwarded-* headers count: "loopback" (a proxy on the same machine, the default for
	 * TRUST_PROXY=1) or the proxies' addresses. A request from anywhere else is taken as it is.
	 */
	readonly trustedProxies: readonly string[];
	/**
	 * SITE_URL: the public address (scheme, host and port), or null. Behind a proxy it is the only
	 * host the server accepts in forwarded headers.
	 */
	readonly siteUrl: URL | null;
	/** The longest a client may take to send one whole request, headers and body. */
	readonly requestTimeoutSeconds: number;
	/** Open connections at most; further ones are closed at once. */
	readonly maxConnections: number;
}

/** OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET (all three, or none), and the optional rest. */
export interface OidcConfig {
	readonly issuer: URL;
	readonly clientId: string;
	readonly clientSecret: string;
	/** OIDC_NAME: the provider's name on the sign-in button ("Mit … anmelden"). */
	readonly name: string;
	/**
	 * OIDC_ALLOWED_DOMAINS: e-mail domains whose verified addresses may sign in without an
	 * invitation (they get the Trainer role). Empty: only invited accounts.
	 */
	readonly allowedDomains: readonly string[];
}

/**
 * The trainer password is the only thing between the internet and trainees' names and scores, and
 * it is a single factor: at least 15 characters, as NIST SP 800-63B-4 asks of single-factor
 * passwords. Generated ones have 23.
 */
export const minPasswordLength = 15;
export const maxPasswordLength = 1000;

/**
 * A setting that cannot work; the server refuses to start. As Astro's own errors do, it says what
 * is wrong (`message`, naming the setting and the value it got) and, apart, what to do (`hint`).
 */
export class ConfigError extends Error {
	override readonly name = "ConfigError";
	// A plain field, not a parameter property: `npm start` loads this file with Node's type
	// stripping, which takes erasable syntax only.
	readonly hint: string;
	constructor(message: string, hint: string) {
		super(message);
		this.hint = hint;
	}
}

/** How a command tells an operator why the server cannot start: the problem, then the hint. */
export function startProblem(error: { message: string; hint?: string | undefined }): string {
	const hint = error.hint === undefined ? "" : `\n  Hint: ${error.hint}`;
	return `The server cannot start: ${error.message}${hint}`;
}

type Env = Readonly<Record<string, string | undefined>>;

function positive(env: Env, name: string, fallback: number, integer = false): number {
	const raw = env[name];
	if (raw === undefined || raw.trim() === "") return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
		throw new ConfigError(
			`${name} must be a positive ${integer ? "whole " : ""}number, got ${JSON.stringify(raw)}.`,
			`Set it to a number such as ${fallback}, or leave it unset for ${fallback}.`,
		);
	}
	return value;
}

function syncMode(raw: string | undefined): SyncMode {
	if (raw === undefined || raw === "" || raw === "normal") return "normal";
	if (raw === "full") return "full";
	throw new ConfigError(
		`SCORES_SYNC must be normal or full, got ${JSON.stringify(raw)}.`,
		"Use normal (the default: an answered submission survives a crash of the server) or full (it also survives a power cut, at about 1 ms a commit).",
	);
}

function trainerPassword(raw: string | undefined): string | undefined {
	if (raw === undefined || raw === "") return undefined;
	const length = [...raw.normalize("NFC")].length;
	if (length < minPasswordLength) {
		throw new ConfigError(
			`TRAINER_PASSWORD must be at least ${minPasswordLength} characters long, got ${length}.`,
			"Choose a longer one, or leave it unset to have a strong one generated on the first start.",
		);
	}
	if (length > maxPasswordLength) {
		throw new ConfigError(
			`TRAINER_PASSWORD must be at most ${maxPasswordLength} characters long, got ${length}.`,
			"Choose a shorter one, or leave it unset to have a strong one generated on the first start.",
		);
	}
	return raw;
}

function oidcConfig(env: Env): OidcConfig | null {
	const issuer = env.OIDC_ISSUER?.trim() ?? "";
	const clientId = env.OIDC_CLIENT_ID?.trim() ?? "";
	const clientSecret = env.OIDC_CLIENT_SECRET ?? "";
	const set = [issuer, clientId, clientSecret].filter((v) => v !== "").length;
	if (set === 0) return null;
	if (set < 3) {
		throw new ConfigError(
			"OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together.",
			"Set all three to offer single sign-on through your identity provider, or none of them.",
		);
	}
	let url: URL | undefined;
	try {
		url = new URL(issuer);
	} catch {
		url = undefined;
	}
	const loopback = url !== undefined && /^(127\.0\.0\.1|localhost|\[::1\])$/.test(url.hostname);
	if (url === undefined || (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))) {
		throw new ConfigError(
			`OIDC_ISSUER must be an https address, got ${JSON.stringify(issuer)}.`,
			"Use the issuer your identity provider names, like https://login.microsoftonline.com/<tenant>/v2.0 (plain http only on this machine, for tests).",
		);
	}
	const domains = (env.OIDC_ALLOWED_DOMAINS ?? "")
		.split(",")
		.map((d) => d.trim().toLowerCase().replace(/^@/, ""))
		.filter((d) => d !== "");
	for (const domain of domains) {
		if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) {
			throw new ConfigError(
				`OIDC_ALLOWED_DOMAINS must list e-mail domains, got ${JSON.stringify(domain)}.`,
				"Write them comma-separated, like example.com,example.de, or leave it unset to admit invited trainers only.",
			);
		}
	}
	return {
		issuer: url,
		clientId,
		clientSecret,
		name: env.OIDC_NAME?.trim() || url.hostname,
		allowedDomains: domains,
	};
}

function trainerEmail(raw: string | undefined): string {
	const value = raw?.trim() ?? "";
	if (value === "") return bootstrapName;
	if (!isEmail(value)) {
		throw new ConfigError(
			`TRAINER_EMAIL must be an e-mail address, got ${JSON.stringify(value)}.`,
			`Write it like anna@example.com, or leave it unset: the first administrator then signs in as "${bootstrapName}".`,
		);
	}
	return value;
}

/** TRUST_PROXY: off, 1/true (a proxy on this machine), or the proxies' addresses, comma-separated. */
function trustedProxies(raw: string | undefined): readonly string[] {
	const value = raw?.trim() ?? "";
	if (value === "" || value === "0" || value === "false") return [];
	if (value === "1" || value === "true") return ["loopback"];
	const addresses = value.split(",").map((a) => a.trim());
	const bad = addresses.find((a) => a !== "loopback" && isIP(a) === 0);
	if (bad !== undefined) {
		throw new ConfigError(
			`TRUST_PROXY must be 1 (a proxy on this machine) or the proxies' IP addresses, comma-separated, got ${JSON.stringify(bad)}, which is not an IP address.`,
			"Use TRUST_PROXY=1 for a proxy on this machine, or list the proxies' addresses, like TRUST_PROXY=10.0.0.2,10.0.0.3.",
		);
	}
	return addresses;
}

function siteUrl(raw: string | undefined): URL | null {
	if (raw === undefined || raw.trim() === "") return null;
	let url: URL;
	try {
		url = new URL(raw.trim());
	} catch {
		throw new ConfigError(
			`SITE_URL must be an address like https://training.example.com, got ${JSON.stringify(raw)}.`,
			"Give the public address with its scheme, like SITE_URL=https://training.example.com, or leave it unset.",
		);
	}
	if (
		(url.protocol !== "https:" && url.protocol !== "http:") ||
		url.username !== "" ||
		url.password !== "" ||
		url.pathname !== "/" ||
		url.search !== "" ||
		url.hash !== ""
	) {
		throw new ConfigError(
			`SITE_URL must be an http or https address without a path, like https://training.example.com, got ${JSON.stringify(raw)}.`,
			"Give only the scheme, host and port (like https://training.example.com:8443): the site is served from the root of that address.",
		);
	}
	return url;
}

/** The address without its password, for messages and logs. */
export function redactedUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password !== "") parsed.password = "***";
		// node-postgres also takes `?password=` (and `sslpassword`, keys) from the query.
		for (const key of [...parsed.searchParams.keys()]) {
			if (/pass|secret|key/i.test(key)) parsed.searchParams.set(key, "***");
		}
		return parsed.toString();
	} catch {
		return "(not a URL)";
	}
}

function databaseUrl(raw: string | undefined): string | null {
	const value = raw?.trim() ?? "";
	if (value === "") return null;
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (url === undefined || (url.protocol !== "postgres:" && url.protocol !== "postgresql:")) {
		throw new ConfigError(
			`DATABASE_URL must be a PostgreSQL address, got ${JSON.stringify(redactedUrl(value))}.`,
			"Write it like postgres://user:password@db.example.com:5432/trainer, or leave it unset to keep scores in the SQLite file SCORES_DB.",
		);
	}
	return value;
}

/** The issuer a certificate names: one line of at most 120 characters, "Staging Trainer" if unset. */
function certificateIssuer(value: string | undefined): string {
	const issuer = (value ?? "").trim();
	if (issuer === "") return "Staging Trainer";
	if (issuer.length > 120 || /\p{Cc}/u.test(issuer)) {
		throw new ConfigError(
			"CERTIFICATE_ISSUER must be one line of at most 120 characters",
			"set it to your organisation's name, e.g. CERTIFICATE_ISSUER='Beispiel Partner GmbH'",
		);
	}
	return issuer;
}

export function readConfig(env: Env = process.env): ServerConfig {
	const proxies = trustedProxies(env.TRUST_PROXY);
	return {
		databaseUrl: databaseUrl(env.DATABASE_URL),
		dbPath: env.SCORES_DB === ":memory:" ? ":memory:" : resolve(env.SCORES_DB || "data/scores.db"),
		sync: syncMode(env.SCORES_SYNC),
		trainerPassword: trainerPassword(env.TRAINER_PASSWORD),
		trainerEmail: trainerEmail(env.TRAINER_EMAIL),
		oidc: oidcConfig(env),
		submitPerMinute: positive(env, "RATE_LIMIT_PER_MINUTE", 60),
		loginPerMinute: positive(env, "LOGIN_RATE_LIMIT_PER_MINUTE", 10),
		loginGlobalPerMinute: positive(env, "LOGIN_GLOBAL_RATE_LIMIT_PER_MINUTE", 30),
		signInHours: positive(env, "TRAINER_SESSION_HOURS", 8),
		abandonedAfterHours: positive(env, "ABANDONED_AFTER_HOURS", 24),
		lmsRuntimeDir: resolve(env.LMS_RUNTIME_DIR || "dist/lms-runtime"),
		certificateIssuer: certificateIssuer(env.CERTIFICATE_ISSUER),
		verifyPerMinute: positive(env, "VERIFY_RATE_LIMIT_PER_MINUTE", 30),
		trustProxy: proxies.length > 0,
		trustedProxies: proxies,
		siteUrl: siteUrl(env.SITE_URL),
		requestTimeoutSeconds: positive(env, "REQUEST_TIMEOUT_SECONDS", 30),
		maxConnections: positive(env, "MAX_CONNECTIONS", 512, true),
	};
}
