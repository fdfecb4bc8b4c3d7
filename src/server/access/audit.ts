import type { Database, Queryable, Row, SqlValue } from "../database/database.ts";

/**
 * The audit trail: who did what, when, from where. Entries are only ever added; the database
 * refuses to change or delete them (triggers in both schemas), so the product has no way to. The
 * actor's name is kept with the entry (as GitLab's audit events do), so it still reads right after
 * the account was renamed or disabled.
 */

export const auditActions = [
	"sign-in",
	"sign-in-failed",
	"invitation-created",
	"invitation-followed",
	"role-changed",
	"account-disabled",
	"account-enabled",
	"password-set",
	"cohort-created",
	"cohort-changed",
	"cohort-closed",
	"cohort-reopened",
	"scenario-published",
	"attempts-imported",
	"csv-exported",
	"scorm-exported",
] as const;
export type AuditAction = (typeof auditActions)[number];

export type AuditTargetType = "trainer" | "cohort" | "scenario" | "attempts" | "none";

/** Who acted: an account, or (for the command line and refused sign-ins) only a name. */
export interface AuditActor {
	readonly id: string | null;
	readonly name: string;
}

export interface AuditEntryInput {
	readonly actor: AuditActor;
	readonly action: AuditAction;
	readonly targetType: AuditTargetType;
	readonly targetId: string;
	/** The target as a person reads it: a trainer's e-mail, a cohort's name, a scenario's title. */
	readonly target: string;
	readonly details?: Readonly<Record<string, string | number | boolean>>;
	/** The client's address, or "command line". */
	readonly address: string;
}

export interface AuditEntry extends Required<Omit<AuditEntryInput, "actor">> {
	readonly id: number;
	readonly at: string;
	readonly actorId: string | null;
	readonly actor: string;
}

export interface AuditFilter {
	readonly action?: AuditAction | undefined;
	/** Part of the actor's name or e-mail. */
	readonly actor?: string | undefined;
	/** Days, `YYYY-MM-DD`, both included. */
	readonly from?: string | undefined;
	readonly to?: string | undefined;
}

/** An audit page shows this many entries; the CSV holds every matching one. */
export const auditPageSize = 200;

function entryOf(r: Row): AuditEntry {
	let details: Record<string, string | number | boolean> = {};
	try {
		details = JSON.parse(String(r.details)) as typeof details;
	} catch {
		// Written by this module only; an unreadable one is shown without its details.
	}
	return {
		id: Number(r.id),
		at: String(r.at),
		actorId: r.actor_id === null ? null : String(r.actor_id),
		actor: String(r.actor),
		action: String(r.action) as AuditAction,
		targetType: String(r.target_type) as AuditTargetType,
		targetId: String(r.target_id),
		target: String(r.target),
		details,
		address: String(r.address),
	};
}

export class AuditLog {
	readonly #db: Database;
	readonly #now: () => number;

	constructor(db: Database, now: () => number = Date.now) {
		this.#db = db;
		this.#now = now;
	}

	/** Adds an entry; inside `tx` when the action it records is written in the same transaction. */
	async record(entry: AuditEntryInput, tx: Queryable = this.#db): Promise<void> {
		await tx.run(
			`INSERT INTO audit_entries (at, actor_id, actor, action, target_type, target_id, target,
				details, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			[
				new Date(this.#now()).toISOString(),
				entry.actor.id,
				entry.actor.name,
				entry.action,
				entry.targetType,
				entry.targetId,
				entry.target,
				JSON.stringify(entry.details ?? {}),
				entry.address,
			],
		);
	}

	/** Matching entries, newest first; at most `limit`. */
	async list(filter: AuditFilter, limit: number = auditPageSize): Promise<AuditEntry[]> {
		const where: string[] = [];
		const params: SqlValue[] = [];
		if (filter.action !== undefined) {
			where.push("action = ?");
			params.push(filter.action);
		}
		if (filter.actor !== undefined && filter.actor !== "") {
			where.push("lower(actor) LIKE ? ESCAPE '\\'");
			params.push(`%${filter.actor.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
		}
		if (filter.from !== undefined) {
			where.push("at >= ?");
			params.push(`${filter.from}T00:00:00.000Z`);
		}
		if (filter.to !== undefined) {
			where.push("at <= ?");
			params.push(`${filter.to}T23:59:59.999Z`);
		}
		const rows = await this.#db.all<Row>(
			`SELECT * FROM audit_entries ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
				ORDER BY at DESC, id DESC LIMIT ?`,
			[...params, limit],
		);
		return rows.map(entryOf);
	}
}
