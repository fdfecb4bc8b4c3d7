import { randomBytes } from "node:crypto";
import type { Database, Row } from "../database/database.ts";
import { accountOf, tokenHash, type AccountStore, type TrainerAccount } from "./accounts.ts";
import { generatePassword, hashPassword, verifyPassword } from "./password.ts";

export const signInCookie = "st_trainer";
/** Marks a browser that has signed in before; see sign-in-limits.ts. */
export const deviceCookie = "st_device";
/** Where releases before trainer accounts kept the shared trainer password's hash. */
const sharedPasswordKey = "trainer_password_hash";
/** A known browser is forgotten after half a year without a sign-in; at most this many are kept. */
export const deviceMaxAgeMs = 183 * 24 * 3_600_000;
const maxDevices = 200;

export interface SignIn {
	readonly expiresAt: number;
	/** The account signed in; its role decides what it may see. */
	readonly trainer: TrainerAccount;
}

/**
 * Trainer sign-in: each trainer with their own account (accounts.ts), sessions as random tokens
 * whose SHA-256 is kept in the database (a stolen database file holds no usable session),
 * expiring after `signInMs`. A session is read with its account at every request, so a disabled
 * account is signed out on every server instance at once.
 */
export class TrainerAuth {
	readonly #db: Database;
	readonly #accounts: AccountStore;
	/** Checked when no account matches, so a wrong address takes as long as a wrong password. */
	readonly #decoy: string;
	readonly #signInMs: number;
	readonly #now: () => number;

	private constructor(
		db: Database,
		accounts: AccountStore,
		decoy: string,
		signInMs: number,
		now: () => number,
	) {
		this.#db = db;
		this.#accounts = accounts;
		this.#decoy = decoy;
		this.#signInMs = signInMs;
		this.#now = now;
	}

	/**
	 * On a server without accounts, makes the first administrator (`signInName`): with `password`
	 * (TRAINER_PASSWORD) as its password; without, the shared trainer password an earlier release
	 * stored, so an update locks nobody out; on the very first start a password is generated,
	 * handed to `announce` once, and only its hash stored.
	 */
	static async create(options: {
		db: Database;
		accounts: AccountStore;
		password: string | undefined;
		signInName: string;
		signInMs: number;
		announce: (generated: string, signInName: string) => void;
		now?: () => number;
	}): Promise<TrainerAuth> {
		const { db, accounts } = options;
		if ((await accounts.count()) === 0) {
			let hash: string;
			let generated: string | undefined;
			const stored = await db.get<{ value: string }>("SELECT value FROM settings WHERE key = ?", [
				sharedPasswordKey,
			]);
			if (options.password !== undefined) {
				hash = await hashPassword(options.password);
			} else if (stored !== undefined) {
				hash = stored.value;
			} else {
				generated = generatePassword();
				hash = await hashPassword(generated);
			}
			// Another instance may have raced us to it: it made the account, and announced its password.
			const made = await accounts.bootstrap(options.signInName, hash);
			if (made !== null && generated !== undefined) options.announce(generated, made.email);
		}
		return new TrainerAuth(
			db,
			accounts,
			await hashPassword(generatePassword()),
			options.signInMs,
			options.now ?? Date.now,
		);
	}

	/** Starts the sign-in limits afresh (sign-in-limits.ts), for every server instance. */
	static async clearSignInLimits(db: Database): Promise<void> {
		await db.run("DELETE FROM login_limits");
	}

	/**
	 * The account whose e-mail (or sign-in name) and password these are, or null. Unknown, disabled
	 * and password-less accounts take the same time as a wrong password: a password hash is checked
	 * either way.
	 */
	async checkPassword(emailOrName: string, password: string): Promise<TrainerAccount | null> {
		const found = await this.#accounts.passwordHashOf(emailOrName);
		const right = await verifyPassword(password, found?.hash ?? this.#decoy);
		if (!right || found === null) return null;
		return this.#accounts.get(found.id);
	}

	/**
	 * Checks a password and starts a session, without the sign-in limits: for scripts and tests.
	 * Requests sign in through `sign-in.ts`, which counts the tries.
	 */
	async signIn(
		emailOrName: string,
		password: string,
	): Promise<{ token: string; expiresAt: number; trainer: TrainerAccount } | null> {
		const trainer = await this.checkPassword(emailOrName, password);
		if (trainer === null) return null;
		return { ...(await this.startSession(trainer.id)), trainer };
	}

	/** A new session for an account that has proved who it is (password, invitation, single sign-on). */
	async startSession(trainerId: string): Promise<{ token: string; expiresAt: number }> {
		const token = randomBytes(32).toString("base64url");
		const now = this.#now();
		const expiresAt = now + this.#signInMs;
		await this.#db.run("DELETE FROM sessions WHERE expires_at <= ?", [now]);
		await this.#db.run(
			"INSERT INTO sessions (token_hash, expires_at, trainer_id) VALUES (?, ?, ?)",
			[tokenHash(token), expiresAt, trainerId],
		);
		return { token, expiresAt };
	}

	/** The session a token belongs to, or null if unknown, expired, or its account is disabled. */
	async signInOf(token: string | undefined): Promise<SignIn | null> {
		if (token === undefined || token === "" || token.length > 100) return null;
		const row = await this.#db.get<Row>(
			`SELECT s.expires_at AS session_expires_at, t.* FROM sessions s
				JOIN trainers t ON t.id = s.trainer_id
				WHERE s.token_hash = ? AND t.state = 'active'`,
			[tokenHash(token)],
		);
		if (row === undefined || Number(row.session_expires_at) <= this.#now()) return null;
		return { expiresAt: Number(row.session_expires_at), trainer: accountOf(row) };
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
