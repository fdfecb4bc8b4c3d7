import { createHash, randomBytes, randomUUID } from "node:crypto";
import {
	isUniqueViolation,
	type Database,
	type Queryable,
	type Row,
} from "../database/database.ts";
import { accountKey } from "./sign-in-name.ts";

/**
 * Trainer accounts in the score database. Each trainer signs in as themselves, with a password or
 * through the company's identity provider. An administrator manages the accounts; a trainer sees
 * the cohorts and scenarios they own. The accounts are found by a key made from the e-mail address
 * (or the first administrator's sign-in name), so "Anna@Example.com" and "anna@example.com" are one.
 */

export const roles = ["admin", "trainer"] as const;
export type Role = (typeof roles)[number];
export type AccountState = "active" | "disabled";

export interface TrainerAccount {
	readonly id: string;
	/** The e-mail address as typed, or the first administrator's sign-in name. */
	readonly email: string;
	readonly name: string;
	readonly role: Role;
	readonly state: AccountState;
	/** Whether a password was chosen; an account without one signs in only through single sign-on. */
	readonly hasPassword: boolean;
	/** The administrator who created it; null for the first one and for the command line. */
	readonly createdBy: string | null;
	readonly createdAt: string;
	readonly updatedAt: string;
}

/**
 * An invitation link works this long: three days, so a link handed over on a Friday still works
 * on Monday (Grafana's default is one day).
 */
export const invitationHours = 72;

export function tokenHash(token: string): string {
	return createHash("sha256").update(token).digest("hex");
}

/**
 * Whether `trainer` may see and change a cohort or scenario: an administrator everything, a
 * trainer their own and those their owners share with every trainer. Whatever they may not see
 * answers as if it did not exist (404).
 */
export function mayAccess(
	trainer: TrainerAccount,
	owned: { readonly ownerId: string | null; readonly shared: boolean },
) {
	return trainer.role === "admin" || owned.ownerId === trainer.id || owned.shared;
}

/** Whether `trainer` may decide about it (share it): its owner, or an administrator. */
export function mayManage(trainer: TrainerAccount, owned: { readonly ownerId: string | null }) {
	return trainer.role === "admin" || owned.ownerId === trainer.id;
}

/** An account from its row in `trainers` (or a join that selects `trainers.*`). */
export function accountOf(r: Row): TrainerAccount {
	return {
		id: String(r.id),
		email: String(r.email),
		name: String(r.name),
		role: r.role === "admin" ? "admin" : "trainer",
		state: r.state === "disabled" ? "disabled" : "active",
		hasPassword: r.password_hash !== null && r.password_hash !== undefined,
		createdBy: r.created_by === null || r.created_by === undefined ? null : String(r.created_by),
		createdAt: String(r.created_at),
		updatedAt: String(r.updated_at),
	};
}

export type Invited =
	| { readonly ok: true; readonly account: TrainerAccount; readonly token: string }
	| { readonly ok: false; readonly reason: "exists" | "disabled" };

export type InvitationLookup =
	| { readonly ok: true; readonly account: TrainerAccount; readonly expiresAt: number }
	| { readonly ok: false; readonly reason: "unknown" | "used" | "expired" };

export type Changed =
	| { readonly ok: true; readonly account: TrainerAccount }
	| { readonly ok: false; readonly reason: "not-found" | "last-admin" };

export interface PendingInvitation {
	readonly account: TrainerAccount;
	readonly createdAt: string;
	readonly expiresAt: number;
}

export class AccountStore {
	readonly #db: Database;
	readonly #now: () => number;

	constructor(db: Database, now: () => number = Date.now) {
		this.#db = db;
		this.#now = now;
	}

	#iso(): string {
		return new Date(this.#now()).toISOString();
	}

	async count(): Promise<number> {
		const row = await this.#db.get<{ n: number }>("SELECT count(*) AS n FROM trainers");
		return Number(row?.n ?? 0);
	}

	async list(): Promise<TrainerAccount[]> {
		const rows = await this.#db.all<Row>("SELECT * FROM trainers ORDER BY email_key");
		return rows.map(accountOf);
	}

	async get(id: string): Promise<TrainerAccount | null> {
		const row = await this.#db.get<Row>("SELECT * FROM trainers WHERE id = ?", [id]);
		return row === undefined ? null : accountOf(row);
	}

	async findByEmail(emailOrName: string): Promise<TrainerAccount | null> {
		const row = await this.#db.get<Row>("SELECT * FROM trainers WHERE email_key = ?", [
			accountKey(emailOrName),
		]);
		return row === undefined ? null : accountOf(row);
	}

	/** The stored password hash of an active account, for checking a sign-in. */
	async passwordHashOf(emailOrName: string): Promise<{ id: string; hash: string } | null> {
		const row = await this.#db.get<{ id: string; password_hash: string | null }>(
			"SELECT id, password_hash FROM trainers WHERE email_key = ? AND state = 'active'",
			[accountKey(emailOrName)],
		);
		return row === undefined || row.password_hash === null
			? null
			: { id: row.id, hash: row.password_hash };
	}

	/**
	 * On a server without accounts: the first administrator, signing in as `signInName` with the
	 * password whose hash is given (TRAINER_PASSWORD's, the shared password kept so far, or a
	 * generated one). Cohorts and scenarios made before accounts existed become theirs. Returns
	 * null if there were accounts already (another instance may have just made it).
	 */
	async bootstrap(signInName: string, passwordHash: string): Promise<TrainerAccount | null> {
		return this.#db.transaction(async (tx) => {
			const any = await tx.get<Row>("SELECT id FROM trainers LIMIT 1");
			if (any !== undefined) return null;
			const id = randomUUID();
			const at = this.#iso();
			const inserted = await tx.run(
				`INSERT INTO trainers (id, email, email_key, name, role, state, password_hash, created_by,
					created_at, updated_at) VALUES (?, ?, ?, ?, 'admin', 'active', ?, NULL, ?, ?)
					ON CONFLICT (email_key) DO NOTHING`,
				[id, signInName, accountKey(signInName), signInName, passwordHash, at, at],
			);
			if (inserted === 0) return null;
			await tx.run("UPDATE cohorts SET owner_id = ? WHERE owner_id IS NULL", [id]);
			await tx.run("UPDATE scenarios SET owner_id = ? WHERE owner_id IS NULL", [id]);
			const row = await tx.get<Row>("SELECT * FROM trainers WHERE id = ?", [id]);
			return accountOf(row as Row);
		});
	}

	/**
	 * A new account that waits for its invitation to be followed, with a one-time token of 256
	 * random bits; only its hash is kept. Inviting an address again whose invitation was never
	 * followed gives a new link and ends the old one.
	 */
	async invite(input: {
		email: string;
		name: string;
		role: Role;
		by: string | null;
	}): Promise<Invited> {
		const token = randomBytes(32).toString("base64url");
		const at = this.#iso();
		const expiresAt = this.#now() + invitationHours * 3_600_000;
		return this.#db.transaction(async (tx): Promise<Invited> => {
			const existing = await tx.get<Row>("SELECT * FROM trainers WHERE email_key = ?", [
				accountKey(input.email),
			]);
			let id: string;
			if (existing !== undefined) {
				const account = accountOf(existing);
				if (account.state === "disabled") return { ok: false, reason: "disabled" };
				const followed = await tx.get<Row>(
					"SELECT token_hash FROM invitations WHERE trainer_id = ? AND used_at IS NOT NULL LIMIT 1",
					[account.id],
				);
				if (account.hasPassword || followed !== undefined) return { ok: false, reason: "exists" };
				id = account.id;
				await tx.run("DELETE FROM invitations WHERE trainer_id = ?", [id]);
				await tx.run("UPDATE trainers SET name = ?, role = ?, updated_at = ? WHERE id = ?", [
					input.name,
					input.role,
					at,
					id,
				]);
			} else {
				id = randomUUID();
				try {
					await tx.run(
						`INSERT INTO trainers (id, email, email_key, name, role, state, password_hash,
							created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', NULL, ?, ?, ?)`,
						[
							id,
							input.email.trim(),
							accountKey(input.email),
							input.name,
							input.role,
							input.by,
							at,
							at,
						],
					);
				} catch (error) {
					if (isUniqueViolation(error)) return { ok: false, reason: "exists" };
					throw error;
				}
			}
			await tx.run(
				`INSERT INTO invitations (token_hash, trainer_id, created_by, created_at, expires_at)
					VALUES (?, ?, ?, ?, ?)`,
				[tokenHash(token), id, input.by, at, expiresAt],
			);
			const row = await tx.get<Row>("SELECT * FROM trainers WHERE id = ?", [id]);
			return { ok: true, account: accountOf(row as Row), token };
		});
	}

	/** What an invitation link leads to, or why it leads nowhere. */
	invitation(token: string): Promise<InvitationLookup> {
		return this.#invitationIn(this.#db, token);
	}

	/**
	 * Follows an invitation: marks it used (once, whoever comes second is refused) and sets the
	 * password, if one is given (single sign-on needs none).
	 */
	async acceptInvitation(token: string, passwordHash: string | null): Promise<InvitationLookup> {
		return this.#db.transaction(async (tx): Promise<InvitationLookup> => {
			const found = await this.#invitationIn(tx, token);
			if (!found.ok) return found;
			const used = await tx.run(
				"UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
				[this.#iso(), tokenHash(token)],
			);
			if (used === 0) return { ok: false, reason: "used" };
			if (passwordHash !== null) {
				await tx.run("UPDATE trainers SET password_hash = ?, updated_at = ? WHERE id = ?", [
					passwordHash,
					this.#iso(),
					found.account.id,
				]);
			}
			const row = await tx.get<Row>("SELECT * FROM trainers WHERE id = ?", [found.account.id]);
			return { ok: true, account: accountOf(row as Row), expiresAt: found.expiresAt };
		});
	}

	async #invitationIn(tx: Queryable, token: string): Promise<InvitationLookup> {
		if (token.length === 0 || token.length > 100) return { ok: false, reason: "unknown" };
		const row = await tx.get<Row>(
			`SELECT i.expires_at, i.used_at, t.* FROM invitations i JOIN trainers t ON t.id = i.trainer_id
				WHERE i.token_hash = ?`,
			[tokenHash(token)],
		);
		if (row === undefined || row.state !== "active") return { ok: false, reason: "unknown" };
		if (row.used_at !== null) return { ok: false, reason: "used" };
		if (Number(row.expires_at) <= this.#now()) return { ok: false, reason: "expired" };
		return { ok: true, account: accountOf(row), expiresAt: Number(row.expires_at) };
	}

	/**
	 * An invited trainer signed in through single sign-on: their open invitations count as followed
	 * and no longer work as links.
	 */
	async markInvitationsFollowed(id: string): Promise<void> {
		await this.#db.run(
			"UPDATE invitations SET used_at = ? WHERE trainer_id = ? AND used_at IS NULL",
			[this.#iso(), id],
		);
	}

	/** Invitations not yet followed and not expired, newest first. */
	async pendingInvitations(): Promise<PendingInvitation[]> {
		const rows = await this.#db.all<Row>(
			`SELECT i.created_at AS invited_at, i.expires_at, t.* FROM invitations i
				JOIN trainers t ON t.id = i.trainer_id
				WHERE i.used_at IS NULL AND i.expires_at > ? AND t.state = 'active'
				ORDER BY i.created_at DESC`,
			[this.#now()],
		);
		return rows.map((r) => ({
			account: accountOf(r),
			createdAt: String(r.invited_at),
			expiresAt: Number(r.expires_at),
		}));
	}

	/** Sets one account's password and ends its sign-ins (the command line's trainer:password). */
	async setPassword(id: string, passwordHash: string): Promise<boolean> {
		return this.#db.transaction(async (tx) => {
			const changed = await tx.run(
				"UPDATE trainers SET password_hash = ?, updated_at = ? WHERE id = ?",
				[passwordHash, this.#iso(), id],
			);
			await tx.run("DELETE FROM sessions WHERE trainer_id = ?", [id]);
			return changed > 0;
		});
	}

	/** Whether another active administrator than `id` remains. */
	async #otherAdmins(tx: Queryable, id: string): Promise<number> {
		const row = await tx.get<{ n: number }>(
			"SELECT count(*) AS n FROM trainers WHERE role = 'admin' AND state = 'active' AND id <> ?",
			[id],
		);
		return Number(row?.n ?? 0);
	}

	/** Changes a role; the last active administrator stays one. */
	async setRole(id: string, role: Role): Promise<Changed> {
		return this.#db.transaction(async (tx): Promise<Changed> => {
			const row = await tx.get<Row>("SELECT * FROM trainers WHERE id = ?", [id]);
			if (row === undefined) return { ok: false, reason: "not-found" };
			const account = accountOf(row);
			if (account.role === "admin" && role !== "admin" && account.state === "active") {
				if ((await this.#otherAdmins(tx, id)) === 0) return { ok: false, reason: "last-admin" };
			}
			await tx.run("UPDATE trainers SET role = ?, updated_at = ? WHERE id = ?", [
				role,
				this.#iso(),
				id,
			]);
			return { ok: true, account: { ...account, role } };
		});
	}

	/**
	 * Disables or enables an account. Disabling ends its sign-ins on every server instance (they
	 * are rows in the shared database) and its invitations; its cohorts and scenarios stay. The last
	 * active administrator cannot be disabled.
	 */
	async setState(id: string, state: AccountState): Promise<Changed> {
		return this.#db.transaction(async (tx): Promise<Changed> => {
			const row = await tx.get<Row>("SELECT * FROM trainers WHERE id = ?", [id]);
			if (row === undefined) return { ok: false, reason: "not-found" };
			const account = accountOf(row);
			if (state === "disabled" && account.role === "admin") {
				if ((await this.#otherAdmins(tx, id)) === 0) return { ok: false, reason: "last-admin" };
			}
			await tx.run("UPDATE trainers SET state = ?, updated_at = ? WHERE id = ?", [
				state,
				this.#iso(),
				id,
			]);
			if (state === "disabled") {
				await tx.run("DELETE FROM sessions WHERE trainer_id = ?", [id]);
				await tx.run("DELETE FROM invitations WHERE trainer_id = ? AND used_at IS NULL", [id]);
			}
			return { ok: true, account: { ...account, state } };
		});
	}
}
