import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../database/database.ts";
import { generatePassword, hashPassword, verifyPassword } from "./password.ts";

export const signInCookie = "st_trainer";
/** Marks a browser that has signed in before; see sign-in-limits.ts. */
export const deviceCookie = "st_device";
const passwordKey = "trainer_password_hash";
/** A known browser is forgotten after half a year without a sign-in; at most this many are kept. */
export const deviceMaxAgeMs = 183 * 24 * 3_600_000;
const maxDevices = 200;

function tokenHash(token: string): string {
	return createHash("sha256").update(token).digest("hex");
}

export interface SignIn {
	readonly expiresAt: number;
}

/**
 * Trainer sign-in: one shared trainer password, sessions as random tokens whose SHA-256 is kept in
 * the database (a stolen database file holds no usable session), expiring after `signInMs`.
 */
export class TrainerAuth {
	readonly #db: Database;
	/** TRAINER_PASSWORD's hash, or the stored hash as it was at start. */
	readonly #hash: string;
	readonly #fromEnv: boolean;
	readonly #signInMs: number;
	readonly #now: () => number;

	private constructor(
		db: Database,
		hash: string,
		fromEnv: boolean,
		signInMs: number,
		now: () => number,
	) {
		this.#db = db;
		this.#hash = hash;
		this.#fromEnv = fromEnv;
		this.#signInMs = signInMs;
		this.#now = now;
	}

	/**
	 * The hash a password is checked against. A stored one is read at each sign-in, so that
	 * `npm run trainer:password` takes effect on every running server instance at once.
	 */
	async #currentHash(): Promise<string> {
		if (this.#fromEnv) return this.#hash;
		const stored = await this.#db.get<{ value: string }>(
			"SELECT value FROM settings WHERE key = ?",
			[passwordKey],
		);
		return stored?.value ?? this.#hash;
	}

	/**
	 * With `password` (TRAINER_PASSWORD) it is the password; without, the stored hash is used, and
	 * on the very first start a password is generated, handed to `announce` once, and only its hash
	 * stored.
	 */
	static async create(options: {
		db: Database;
		password: string | undefined;
		signInMs: number;
		announce: (generated: string) => void;
		now?: () => number;
	}): Promise<TrainerAuth> {
		const { db } = options;
		let hash: string;
		if (options.password !== undefined) {
			hash = await hashPassword(options.password);
		} else {
			const stored = await db.get<{ value: string }>("SELECT value FROM settings WHERE key = ?", [
				passwordKey,
			]);
			if (stored !== undefined) {
				hash = stored.value;
			} else {
				const generated = generatePassword();
				hash = await hashPassword(generated);
				// Another process may have raced us to it: keep whichever was stored first.
				const kept = await db.transaction(async (tx) => {
					await tx.run(
						"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
						[passwordKey, hash],
					);
					const row = await tx.get<{ value: string }>("SELECT value FROM settings WHERE key = ?", [
						passwordKey,
					]);
					return row?.value ?? hash;
				});
				if (kept === hash) options.announce(generated);
				hash = kept;
			}
		}
		return new TrainerAuth(
			db,
			hash,
			options.password !== undefined,
			options.signInMs,
			options.now ?? Date.now,
		);
	}

	/** Replaces the stored password with a new generated one and ends every session. */
	static async resetPassword(db: Database): Promise<string> {
		const generated = generatePassword();
		const hash = await hashPassword(generated);
		await db.transaction(async (tx) => {
			await tx.run(
				`INSERT INTO settings (key, value) VALUES (?, ?)
					ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
				[passwordKey, hash],
			);
			await tx.run("DELETE FROM sessions");
			await tx.run("DELETE FROM trusted_devices");
			// A new password starts the sign-in limits afresh, also for addresses kept waiting.
			await tx.run("DELETE FROM login_limits");
		});
		return generated;
	}

	/** Starts the sign-in limits afresh (sign-in-limits.ts), for every server instance. */
	static async clearSignInLimits(db: Database): Promise<void> {
		await db.run("DELETE FROM login_limits");
	}

	/** A new session token if the password is right, else null. */
	async signIn(password: string): Promise<{ token: string; expiresAt: number } | null> {
		if (!(await verifyPassword(password, await this.#currentHash()))) return null;
		const token = randomBytes(32).toString("base64url");
		const now = this.#now();
		const expiresAt = now + this.#signInMs;
		await this.#db.run("DELETE FROM sessions WHERE expires_at <= ?", [now]);
		await this.#db.run("INSERT INTO sessions (token_hash, expires_at) VALUES (?, ?)", [
			tokenHash(token),
			expiresAt,
		]);
		return { token, expiresAt };
	}

	/** The session a token belongs to, or null if unknown or expired. */
	async signInOf(token: string | undefined): Promise<SignIn | null> {
		if (token === undefined || token === "" || token.length > 100) return null;
		const row = await this.#db.get<{ expires_at: number }>(
			"SELECT expires_at FROM sessions WHERE token_hash = ?",
			[tokenHash(token)],
		);
		if (row === undefined || Number(row.expires_at) <= this.#now()) return null;
		return { expiresAt: Number(row.expires_at) };
	}

	/** The hash of a known browser's device token, or null if the token is unknown or expired. */
	async knownDevice(token: string | undefined): Promise<string | null> {
		if (token === undefined || token === "" || token.length > 100) return null;
		const hash = tokenHash(token);
		const row = await this.#db.get<{ last_seen_at: number }>(
			"SELECT last_seen_at FROM trusted_devices WHERE token_hash = ?",
			[hash],
		);
		return row !== undefined && Number(row.last_seen_at) > this.#now() - deviceMaxAgeMs
			? hash
			: null;
	}

	/**
	 * After a successful sign-in: remembers the browser. A known one (`hash`) is kept another half
	 * year; a new one gets a token for its device cookie.
	 */
	async trustDevice(hash: string | null): Promise<string | null> {
		const now = this.#now();
		if (hash !== null) {
			await this.#db.run("UPDATE trusted_devices SET last_seen_at = ? WHERE token_hash = ?", [
				now,
				hash,
			]);
			return null;
		}
		const token = randomBytes(32).toString("base64url");
		await this.#db.transaction(async (tx) => {
			await tx.run("DELETE FROM trusted_devices WHERE last_seen_at <= ?", [now - deviceMaxAgeMs]);
			await tx.run(
				"INSERT INTO trusted_devices (token_hash, created_at, last_seen_at) VALUES (?, ?, ?)",
				[tokenHash(token), now, now],
			);
			await tx.run(
				`DELETE FROM trusted_devices WHERE token_hash NOT IN
					(SELECT token_hash FROM trusted_devices ORDER BY last_seen_at DESC LIMIT ?)`,
				[maxDevices],
			);
		});
		return token;
	}

	async signOut(token: string | undefined): Promise<void> {
		if (token === undefined) return;
		await this.#db.run("DELETE FROM sessions WHERE token_hash = ?", [tokenHash(token)]);
	}
}
