import { resolve } from "node:path";
import type { SyncMode } from "./db.ts";

/** Everything the score server reads from the environment, parsed once. */
export interface ServerConfig {
	/** SQLite file; created with its folder on first start. */
	readonly dbPath: string;
	/** SCORES_SYNC: "normal" survives kill -9; "full" also survives a power cut (see openDatabase). */
	readonly sync: SyncMode;
	/** TRAINER_PASSWORD; when absent, a generated password's hash is kept in the database. */
	readonly trainerPassword: string | undefined;
	/** Attempt submissions per client address and minute. */
	readonly submitPerMinute: number;
	/** Login attempts per client address and minute. */
	readonly loginPerMinute: number;
	/** How long a trainer session lasts. */
	readonly sessionHours: number;
	/** Behind a reverse proxy: take the client address and protocol from X-Forwarded-* headers. */
	readonly trustProxy: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

function positive(env: Env, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw.trim() === "") return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) {
		throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
	}
	return value;
}

function syncMode(raw: string | undefined): SyncMode {
	if (raw === undefined || raw === "" || raw === "normal") return "normal";
	if (raw === "full") return "full";
	throw new Error(`SCORES_SYNC must be normal or full, got ${JSON.stringify(raw)}`);
}

export function readConfig(env: Env = process.env): ServerConfig {
	const password = env.TRAINER_PASSWORD;
	return {
		dbPath: env.SCORES_DB === ":memory:" ? ":memory:" : resolve(env.SCORES_DB || "data/scores.db"),
		sync: syncMode(env.SCORES_SYNC),
		trainerPassword: password === undefined || password === "" ? undefined : password,
		submitPerMinute: positive(env, "RATE_LIMIT_PER_MINUTE", 60),
		loginPerMinute: positive(env, "LOGIN_RATE_LIMIT_PER_MINUTE", 10),
		sessionHours: positive(env, "TRAINER_SESSION_HOURS", 8),
		trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
	};
}
