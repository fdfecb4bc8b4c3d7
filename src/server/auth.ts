import { createHash, randomBytes } from "node:crypto";
import type { DatabaseSync } from "node:sqlite";
import { transaction } from "./db.ts";
import { generatePassword, hashPassword, verifyPassword } from "./password.ts";

export const sessionCookie = "st_trainer";
/** Marks a browser that has signed in before; see login-throttle.ts. */
export const deviceCookie = "st_device";
const passwordKey = "trainer_password_hash";
/** A known browser is forgotten after half a year without a sign-in; at most this many are kept. */
export const deviceMaxAgeMs = 183 * 24 * 3_600_000;
const maxDevices = 200;

function tokenHash(token: string): string {
	return createHash("sha256").update(token).digest("hex");
}

export interface TrainerSession {
	readonly expiresAt: number;
}

/**
 * Trainer sign-in: one shared trainer password, sessions as random tokens whose SHA-256 is kept in
 * the database (a stolen database file holds no usable session), expiring after `sessionMs`.
 */
export class TrainerAuth {
	readonly #db: DatabaseSync;
	readonly #hash: string;
	readonly #sessionMs: number;
	readonly #now: () => number;

	private constructor(db: DatabaseSync, hash: string, sessionMs: number, now: () => number) {
		this.#db = db;
		this.#hash = hash;
		this.#sessionMs = sessionMs;
		this.#now = now;
	}

	/**
	 * With `password` (TRAINER_PASSWORD) it is the password; without, the stored hash is used, and
	 * on the very first start a password is generated, handed to `announce` once, and only its hash
	 * stored.
	 */
	static async create(options: {
		db: DatabaseSync;
		password: string | undefined;
		sessionMs: number;
		announce: (generated: string) => void;
		now?: () => number;
	}): Promise<TrainerAuth> {
		const { db } = options;
		let hash: string;
		if (options.password !== undefined) {
			hash = await hashPassword(options.password);
		} else {
			const stored = db.prepare("SELECT value FROM settings WHERE key = ?").get(passwordKey) as
				{ value: string } | undefined;
			if (stored !== undefined) {
				hash = stored.value;
			} else {
				const generated = generatePassword();
				hash = await hashPassword(generated);
				// Another process may have raced us to it: keep whichever was stored first.
				const kept = transaction(db, () => {
					db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)").run(
						passwordKey,
						hash,
					);
					return (
						db.prepare("SELECT value FROM settings WHERE key = ?").get(passwordKey) as {
							value: string;
						}
					).value;
				});
				if (kept === hash) options.announce(generated);
				hash = kept;
			}
		}
		return new TrainerAuth(db, hash, options.sessionMs, options.now ?? Date.now);
	}

	/** Replaces the stored password with a new generated one and ends every session. */
	static async resetPassword(db: DatabaseSync): Promise<string> {
		const generated = generatePassword();
		const hash = await hashPassword(generated);
		transaction(db, () => {
			db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)").run(
				passwordKey,
				hash,
			);
			db.prepare("DELETE FROM sessions").run();
			db.prepare("DELETE FROM trusted_devices").run();
		});
		return generated;
	}

	/** A new session token if the password is right, else null. */
	async login(password: string): Promise<{ token: string; expiresAt: number } | null> {
		if (!(await verifyPassword(password, this.#hash))) return null;
		const token = randomBytes(32).toString("base64url");
		const now = this.#now();
		const expiresAt = now + this.#sessionMs;
		this.#db.prepare("DELETE FROM sessions WHERE expires_at <= ?").run(now);
		this.#db
			.prepare("INSERT INTO sessions (token_hash, expires_at) VALUES (?, ?)")
			.run(tokenHash(token), expiresAt);
		return { token, expiresAt };
	}

	/** The session a token belongs to, or null if unknown or expired. */
	session(token: string | undefined): TrainerSession | null {
		if (token === undefined || token === "" || token.length > 100) return null;
		const row = this.#db
			.prepare("SELECT expires_at FROM sessions WHERE token_hash = ?")
			.get(tokenHash(token)) as { expires_at: number } | undefined;
		if (row === undefined || row.expires_at <= this.#now()) return null;
		return { expiresAt: row.expires_at };
	}

	/** The hash of a known browser's device token, or null if the token is unknown or expired. */
	knownDevice(token: string | undefined): string | null {
		if (token === undefined || token === "" || token.length > 100) return null;
		const hash = tokenHash(token);
		const row = this.#db
			.prepare("SELECT last_seen_at FROM trusted_devices WHERE token_hash = ?")
			.get(hash) as { last_seen_at: number } | undefined;
		return row !== undefined && row.last_seen_at > this.#now() - deviceMaxAgeMs ? hash : null;
	}

	/**
	 * After a successful sign-in: remembers the browser. A known one (`hash`) is kept another half
	 * year; a new one gets a token for its device cookie.
	 */
	trustDevice(hash: string | null): string | null {
		const now = this.#now();
		if (hash !== null) {
			this.#db
				.prepare("UPDATE trusted_devices SET last_seen_at = ? WHERE token_hash = ?")
				.run(now, hash);
			return null;
		}
		const token = randomBytes(32).toString("base64url");
		transaction(this.#db, () => {
			this.#db
				.prepare("DELETE FROM trusted_devices WHERE last_seen_at <= ?")
				.run(now - deviceMaxAgeMs);
			this.#db
				.prepare(
					"INSERT INTO trusted_devices (token_hash, created_at, last_seen_at) VALUES (?, ?, ?)",
				)
				.run(tokenHash(token), now, now);
			this.#db
				.prepare(
					`DELETE FROM trusted_devices WHERE token_hash NOT IN
						(SELECT token_hash FROM trusted_devices ORDER BY last_seen_at DESC LIMIT ?)`,
				)
				.run(maxDevices);
		});
		return token;
	}

	logout(token: string | undefined): void {
		if (token === undefined) return;
		this.#db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash(token));
	}
}
