import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import {
	isUniqueViolation,
	type Database,
	type Queryable,
	type Row,
	type SqlValue,
} from "../database/database.ts";
import { sqlWords, type SqlWords } from "../database/sql-dialect.ts";
import { joinCodeAlphabet, joinCodeKey } from "../../simulator/cohort/join-code.ts";
import { type Assignment } from "../../simulator/cohort/assignment.ts";
import { searchKey, type NewAttempt } from "../attempts/store.ts";
import { cohortInsight, type CohortInsight, type InsightCohort } from "./insight.ts";
import { dayAfter, localDay } from "../days.ts";
import type { CohortInput } from "./input.ts";

/** A cohort as stored: the trainer's settings and what the server derived from them. */
export interface Cohort extends CohortInput {
	readonly id: string;
	/** The variant every trainee gets when `sameSeed`; drawn once, at creation. */
	readonly seed: number;
	/** Where the open days begin and end, as instants (the end is exclusive). */
	readonly opensAt: string;
	readonly closesAt: string;
	/** When a trainer closed it early, or null. */
	readonly closedAt: string | null;
	readonly createdAt: string;
	readonly updatedAt: string;
	/** The trainer account that owns it (null only before accounts existed, until the first start). */
	readonly ownerId: string | null;
	/** Its owner shares it with every trainer, who may then see and change it too. */
	readonly shared: boolean;
}

export type CohortState = "not-open-yet" | "open" | "closed";

/** Whether a cohort takes attempts at `now`. */
export function cohortState(cohort: Cohort, now: Date): CohortState {
	const at = now.toISOString();
	if (cohort.closedAt !== null || at >= cohort.closesAt) return "closed";
	return at < cohort.opensAt ? "not-open-yet" : "open";
}

/** What a join code tells the trainee's browser. */
export function assignmentOf(cohort: Cohort): Assignment {
	return {
		code: cohort.code,
		name: cohort.name,
		opensAt: cohort.opensAt,
		closesAt: cohort.closesAt,
		scenarios: [...cohort.scenarios],
		practice: cohort.practice,
		collectPractice: cohort.practice && cohort.collectPractice,
	};
}

/** An attempt the server issued, as stored (the token itself only as its hash). */
export interface StoredIssuedAttempt {
	readonly attemptId: string;
	readonly cohortId: string;
	readonly trainee: string;
	readonly scenarioId: string;
	/** The version of a trainer's own scenario it was issued on; null for a built-in one. */
	readonly scenarioVersion: number | null;
	readonly seed: number;
	readonly mode: "practice" | "assessment";
	readonly issuedAt: string;
	readonly usedAt: string | null;
}

/** A readable generated code: LW-7K3Q-9D (see `joinCodeAlphabet`). */
export function generateJoinCode(): string {
	const pick = () => joinCodeAlphabet[randomInt(joinCodeAlphabet.length)];
	const chars = Array.from({ length: 6 }, pick).join("");
	return `LW-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function tokenHash(token: string): string {
	return createHash("sha256").update(token).digest("hex");
}

function toCohort(r: Row): Cohort {
	return {
		id: String(r.id),
		name: String(r.name),
		code: String(r.code),
		scenarios: JSON.parse(String(r.scenarios)) as string[],
		practice: Number(r.practice) === 1,
		sameSeed: Number(r.same_seed) === 1,
		seed: Number(r.seed),
		opensOn: String(r.opens_on),
		closesOn: String(r.closes_on),
		opensAt: String(r.opens_at),
		closesAt: String(r.closes_at),
		attemptLimit: r.attempt_limit === null ? null : Number(r.attempt_limit),
		collectPractice: Number(r.collect_practice) === 1,
		certificate: Number(r.certificate ?? 0) === 1,
		closedAt: r.closed_at === null ? null : String(r.closed_at),
		createdAt: String(r.created_at),
		updatedAt: String(r.updated_at),
		ownerId: r.owner_id === null || r.owner_id === undefined ? null : String(r.owner_id),
		shared: Number(r.shared ?? 0) === 1,
	};
}

function toIssuedAttempt(r: Row): StoredIssuedAttempt {
	return {
		attemptId: String(r.attempt_id),
		cohortId: String(r.cohort_id),
		trainee: String(r.trainee),
		scenarioId: String(r.scenario_id),
		scenarioVersion: r.scenario_version === null ? null : Number(r.scenario_version),
		seed: Number(r.seed),
		mode: r.mode === "practice" ? "practice" : "assessment",
		issuedAt: String(r.issued_at),
		usedAt: r.used_at === null ? null : String(r.used_at),
	};
}

/** The days as instants: open from the first day's midnight to the midnight after the last. */
function openDays(input: CohortInput): { opensAt: string; closesAt: string } {
	const opens = localDay(input.opensOn);
	const closes = localDay(input.closesOn);
	if (opens === null || closes === null) throw new Error("unchecked cohort days");
	return { opensAt: opens.toISOString(), closesAt: dayAfter(closes).toISOString() };
}

/** The columns a trainer's settings fill, in the order `settings` gives their values. */
const settingColumns = [
	"name",
	"code",
	"code_key",
	"scenarios",
	"practice",
	"same_seed",
	"opens_on",
	"closes_on",
	"opens_at",
	"closes_at",
	"attempt_limit",
	"collect_practice",
	"certificate",
	"updated_at",
] as const;

function settings(input: CohortInput, code: string, at: string): SqlValue[] {
	const { opensAt, closesAt } = openDays(input);
	return [
		input.name,
		code,
		joinCodeKey(code),
		JSON.stringify(input.scenarios),
		Number(input.practice),
		Number(input.sameSeed),
		input.opensOn,
		input.closesOn,
		opensAt,
		closesAt,
		input.attemptLimit,
		Number(input.collectPractice),
		Number(input.certificate),
		at,
	];
}

/** Cohorts and the attempts issued for them, in the score database. */
export class CohortStore {
	readonly #db: Database;
	readonly #words: SqlWords;

	constructor(db: Database) {
		this.#db = db;
		this.#words = sqlWords(db.dialect);
	}

	/** Stores a checked cohort; "taken" when its chosen code belongs to another cohort. */
	async create(input: CohortInput, now: Date, ownerId: string | null): Promise<Cohort | "taken"> {
		const id = randomUUID();
		const at = now.toISOString();
		// A generated code that happens to exist already is drawn again.
		for (let tries = 0; tries < 20; tries++) {
			const code = input.code === "" ? generateJoinCode() : input.code;
			try {
				await this.#db.run(
					`INSERT INTO cohorts (${settingColumns.join(", ")}, id, seed, closed_at, created_at,
						owner_id) VALUES (${settingColumns.map(() => "?").join(", ")}, ?, ?, NULL, ?, ?)`,
					[...settings(input, code, at), id, randomInt(0x1_0000_0000), at, ownerId],
				);
				return (await this.get(id)) as Cohort;
			} catch (error) {
				if (!isUniqueViolation(error)) throw error;
				if (input.code !== "") return "taken";
			}
		}
		throw new Error("no free cohort code after 20 tries");
	}

	/** Changes a cohort's settings; its id, seed and issued attempts stay. */
	async update(id: string, input: CohortInput, now: Date): Promise<Cohort | "not-found" | "taken"> {
		const current = await this.get(id);
		if (current === undefined) return "not-found";
		const code = input.code === "" ? current.code : input.code;
		try {
			await this.#db.run(
				`UPDATE cohorts SET ${settingColumns.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`,
				[...settings(input, code, now.toISOString()), id],
			);
		} catch (error) {
			if (isUniqueViolation(error)) return "taken";
			throw error;
		}
		return (await this.get(id)) as Cohort;
	}

	/** Hands a cohort to another trainer account (an administrator does, e.g. when one leaves). */
	async setOwner(id: string, ownerId: string, now: Date): Promise<Cohort | undefined> {
		await this.#db.run("UPDATE cohorts SET owner_id = ?, updated_at = ? WHERE id = ?", [
			ownerId,
			now.toISOString(),
			id,
		]);
		return this.get(id);
	}

	/** Shares a cohort with every trainer, or ends the sharing. */
	async setShared(id: string, shared: boolean, now: Date): Promise<Cohort | undefined> {
		await this.#db.run("UPDATE cohorts SET shared = ?, updated_at = ? WHERE id = ?", [
			shared ? 1 : 0,
			now.toISOString(),
			id,
		]);
		return this.get(id);
	}

	/** Closes a cohort now, before its last day; closing again keeps the first time. */
	async close(id: string, now: Date): Promise<Cohort | undefined> {
		const at = now.toISOString();
		await this.#db.run(
			"UPDATE cohorts SET closed_at = coalesce(closed_at, ?), updated_at = ? WHERE id = ?",
			[at, at, id],
		);
		return this.get(id);
	}

	/** Opens a closed cohort again (its days still decide whether it is open now). */
	async reopen(id: string, now: Date): Promise<Cohort | undefined> {
		await this.#db.run("UPDATE cohorts SET closed_at = NULL, updated_at = ? WHERE id = ?", [
			now.toISOString(),
			id,
		]);
		return this.get(id);
	}

	async get(id: string): Promise<Cohort | undefined> {
		const row = await this.#db.get("SELECT * FROM cohorts WHERE id = ?", [id]);
		return row === undefined ? undefined : toCohort(row);
	}

	/** The cohort a join code opens, in any letter case and with or without dashes. */
	async byCode(code: string): Promise<Cohort | undefined> {
		const key = joinCodeKey(code);
		if (key === "") return undefined;
		const row = await this.#db.get("SELECT * FROM cohorts WHERE code_key = ?", [key]);
		return row === undefined ? undefined : toCohort(row);
	}

	/** Every cohort (or those `ownerId` owns or may see shared), the most recently opened first. */
	async list(ownerId?: string): Promise<Cohort[]> {
		const rows =
			ownerId === undefined
				? await this.#db.all("SELECT * FROM cohorts ORDER BY opens_at DESC, name")
				: await this.#db.all(
						"SELECT * FROM cohorts WHERE owner_id = ? OR shared = 1 ORDER BY opens_at DESC, name",
						[ownerId],
					);
		return rows.map(toCohort);
	}

	/** The cohorts `trainer` may see: all for an administrator, their own for a trainer. */
	visibleTo(trainer: { readonly id: string; readonly role: string }): Promise<Cohort[]> {
		return this.list(trainer.role === "admin" ? undefined : trainer.id);
	}

	/** Records that a trainee joined a cohort (joining again keeps the first time). */
	async join(cohort: Cohort, trainee: string, now: Date): Promise<void> {
		await this.#member(this.#db, cohort.id, trainee, now.toISOString());
	}

	async #member(q: Queryable, cohortId: string, trainee: string, at: string): Promise<void> {
		await q.run(
			`INSERT INTO cohort_members (cohort_id, trainee_key, trainee, joined_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (cohort_id, trainee_key) DO NOTHING`,
			[cohortId, searchKey(trainee), trainee, at],
		);
	}

	/**
	 * Counts a newly stored attempt of a cohort into its progress: the trainee's attempts, best and
	 * latest score, and the per-step and per-rule totals. Only issued assessment attempts count
	 * towards them; practice attempts are counted apart. Runs in the attempt's own transaction.
	 */
	async recordAttempt(record: NewAttempt, tx: Queryable): Promise<void> {
		if (record.issued === undefined || record.altered !== null) return;
		const { attempt, grade } = record;
		const cohortId = record.issued.cohortId;
		const trainee = attempt.trainee?.name ?? "";
		const key = searchKey(trainee);
		await this.#member(tx, cohortId, trainee, record.issued.startedAt);
		if (attempt.mode === "practice") {
			await tx.run(
				"UPDATE cohort_members SET practice = practice + 1 WHERE cohort_id = ? AND trainee_key = ?",
				[cohortId, key],
			);
			return;
		}
		if (attempt.mode !== "assessment") return;
		const takenAt = attempt.finishedAt ?? attempt.startedAt;
		const w = this.#words;
		// "Newer" is decided once per row: the score, id and time of the latest move together.
		const newer = "(latest_at IS NULL OR ? >= latest_at)";
		await tx.run(
			`UPDATE cohort_members SET
					open = ${w.greatest("open - 1", "0")},
					attempts = attempts + 1,
					best = ${w.greatest("coalesce(best, ?)", "?")},
					passed = ${w.greatest("passed", "?")},
					latest = CASE WHEN ${newer} THEN ? ELSE latest END,
					latest_id = CASE WHEN ${newer} THEN ? ELSE latest_id END,
					latest_at = CASE WHEN ${newer} THEN ? ELSE latest_at END
				WHERE cohort_id = ? AND trainee_key = ?`,
			[
				grade.score,
				grade.score,
				Number(grade.passed),
				takenAt,
				grade.score,
				takenAt,
				attempt.id,
				takenAt,
				takenAt,
				cohortId,
				key,
			],
		);
		// In id order, as every other attempt of the cohort does, so that transactions meeting on
		// these shared rows wait for each other in line rather than in a circle.
		const steps = grade.steps.filter((s) => s.required).sort((a, b) => (a.id < b.id ? -1 : 1));
		for (const s of steps) {
			await tx.run(
				`INSERT INTO cohort_step_totals (cohort_id, step, attempts, done) VALUES (?, ?, 1, ?)
				ON CONFLICT (cohort_id, step) DO UPDATE SET
					attempts = cohort_step_totals.attempts + 1,
					done = cohort_step_totals.done + excluded.done`,
				[cohortId, s.id, Number(s.done)],
			);
		}
		for (const id of [...new Set(grade.findings.map((f) => f.rule))].sort()) {
			await tx.run(
				`INSERT INTO cohort_rule_totals (cohort_id, rule, attempts) VALUES (?, ?, 1)
				ON CONFLICT (cohort_id, rule) DO UPDATE SET attempts = cohort_rule_totals.attempts + 1`,
				[cohortId, id],
			);
		}
	}

	/**
	 * Where a cohort stands (see insight.ts) at `now`; an issued attempt unsent after
	 * `abandonedAfterHours` (ABANDONED_AFTER_HOURS) or at the window's end counts as abandoned.
	 */
	insight(cohort: InsightCohort, now: Date, abandonedAfterHours: number): Promise<CohortInsight> {
		return cohortInsight(this.#db, cohort, now, abandonedAfterHours);
	}

	/**
	 * Issues an attempt: a new attempt id, the scenario's seed (the cohort's, or the trainee's own)
	 * and a random token, of which only the hash is kept. One transaction, so the trainee's count
	 * and the token are stored together or not at all. An assessment beyond the cohort's attempt
	 * limit is refused by the count's own update, so simultaneous requests cannot pass it together.
	 * A trainer's own scenario is issued at the version given, its newest when asked.
	 */
	issue(
		cohort: Cohort,
		trainee: string,
		scenarioId: string,
		mode: "practice" | "assessment",
		now: Date,
		scenarioVersion: number | null = null,
	): Promise<{ token: string; issued: StoredIssuedAttempt } | "limit-reached"> {
		const token = randomBytes(32).toString("base64url");
		const issued: StoredIssuedAttempt = {
			attemptId: randomUUID(),
			cohortId: cohort.id,
			trainee,
			scenarioId,
			scenarioVersion,
			seed: cohort.sameSeed ? cohort.seed : randomInt(0x1_0000_0000),
			mode,
			issuedAt: now.toISOString(),
			usedAt: null,
		};
		return this.#db.transaction(async (tx) => {
			await this.#member(tx, cohort.id, trainee, issued.issuedAt);
			if (mode === "assessment") {
				const limit = cohort.attemptLimit;
				const counted = await tx.run(
					`UPDATE cohort_members SET issued = issued + 1, open = open + 1
						WHERE cohort_id = ? AND trainee_key = ?${limit === null ? "" : " AND issued < ?"}`,
					[cohort.id, searchKey(trainee), ...(limit === null ? [] : [limit])],
				);
				if (counted === 0) return "limit-reached" as const;
			}
			await tx.run(
				`INSERT INTO attempt_tokens (token_hash, attempt_id, cohort_id, trainee, trainee_key,
						scenario_id, seed, mode, issued_at, used_at, scenario_version)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
				[
					tokenHash(token),
					issued.attemptId,
					issued.cohortId,
					trainee,
					searchKey(trainee),
					scenarioId,
					issued.seed,
					mode,
					issued.issuedAt,
					scenarioVersion,
				],
			);
			return { token, issued };
		});
	}

	/** The attempt a token was issued for, or undefined for a token the server never issued. */
	async issuedAttempt(token: string): Promise<StoredIssuedAttempt | undefined> {
		const row = await this.#db.get("SELECT * FROM attempt_tokens WHERE token_hash = ?", [
			tokenHash(token),
		]);
		return row === undefined ? undefined : toIssuedAttempt(row);
	}
}
