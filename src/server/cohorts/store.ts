import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { statementCache } from "../statements.ts";
import { codeAlphabet, cohortCodeKey, type Assignment } from "../../simulator/attempt/cohort.ts";
import { searchKey, type NewAttempt } from "../attempt-store.ts";
import { cohortInsight, type CohortInsight } from "./insight.ts";
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
export interface IssuedToken {
	readonly attemptId: string;
	readonly cohortId: string;
	readonly trainee: string;
	readonly scenarioId: string;
	readonly seed: number;
	readonly mode: "practice" | "assessment";
	readonly issuedAt: string;
	readonly usedAt: string | null;
}

/** A readable generated code: LW-7K3Q-9D (see `codeAlphabet`). */
export function generateCode(): string {
	const pick = () => codeAlphabet[randomInt(codeAlphabet.length)];
	const chars = Array.from({ length: 6 }, pick).join("");
	return `LW-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function tokenHash(token: string): string {
	return createHash("sha256").update(token).digest("hex");
}

type Row = Record<string, SQLInputValue>;

function toCohort(r: Row): Cohort {
	return {
		id: String(r.id),
		name: String(r.name),
		code: String(r.code),
		scenarios: JSON.parse(String(r.scenarios)) as string[],
		practice: r.practice === 1,
		sameSeed: r.same_seed === 1,
		seed: Number(r.seed),
		opensOn: String(r.opens_on),
		closesOn: String(r.closes_on),
		opensAt: String(r.opens_at),
		closesAt: String(r.closes_at),
		attemptLimit: r.attempt_limit === null ? null : Number(r.attempt_limit),
		collectPractice: r.collect_practice === 1,
		closedAt: r.closed_at === null ? null : String(r.closed_at),
		createdAt: String(r.created_at),
		updatedAt: String(r.updated_at),
	};
}

function toToken(r: Row): IssuedToken {
	return {
		attemptId: String(r.attempt_id),
		cohortId: String(r.cohort_id),
		trainee: String(r.trainee),
		scenarioId: String(r.scenario_id),
		seed: Number(r.seed),
		mode: r.mode === "practice" ? "practice" : "assessment",
		issuedAt: String(r.issued_at),
		usedAt: r.used_at === null ? null : String(r.used_at),
	};
}

function isUniqueViolation(error: unknown): boolean {
	return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
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
	"updated_at",
] as const;

function settings(input: CohortInput, code: string, at: string): SQLInputValue[] {
	const { opensAt, closesAt } = openDays(input);
	return [
		input.name,
		code,
		cohortCodeKey(code),
		JSON.stringify(input.scenarios),
		Number(input.practice),
		Number(input.sameSeed),
		input.opensOn,
		input.closesOn,
		opensAt,
		closesAt,
		input.attemptLimit,
		Number(input.collectPractice),
		at,
	];
}

/** Cohorts and the attempts issued for them, in the score database. */
export class CohortStore {
	readonly #db: DatabaseSync;
	readonly #sql: (text: string) => StatementSync;

	constructor(db: DatabaseSync) {
		this.#db = db;
		this.#sql = statementCache(db);
	}

	/** Stores a checked cohort; "taken" when its chosen code belongs to another cohort. */
	create(input: CohortInput, now: Date): Cohort | "taken" {
		const id = randomUUID();
		const at = now.toISOString();
		// A generated code that happens to exist already is drawn again.
		for (let tries = 0; tries < 20; tries++) {
			const code = input.code === "" ? generateCode() : input.code;
			try {
				this.#sql(
					`INSERT INTO cohorts (${settingColumns.join(", ")}, id, seed, closed_at, created_at)
						VALUES (${settingColumns.map(() => "?").join(", ")}, ?, ?, NULL, ?)`,
				).run(...settings(input, code, at), id, randomInt(0x1_0000_0000), at);
				return this.get(id) as Cohort;
			} catch (error) {
				if (!isUniqueViolation(error)) throw error;
				if (input.code !== "") return "taken";
			}
		}
		throw new Error("no free cohort code after 20 tries");
	}

	/** Changes a cohort's settings; its id, seed and issued attempts stay. */
	update(id: string, input: CohortInput, now: Date): Cohort | "not-found" | "taken" {
		const current = this.get(id);
		if (current === undefined) return "not-found";
		const code = input.code === "" ? current.code : input.code;
		try {
			this.#sql(
				`UPDATE cohorts SET ${settingColumns.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`,
			).run(...settings(input, code, now.toISOString()), id);
		} catch (error) {
			if (isUniqueViolation(error)) return "taken";
			throw error;
		}
		return this.get(id) as Cohort;
	}

	/** Closes a cohort now, before its last day; closing again keeps the first time. */
	close(id: string, now: Date): Cohort | undefined {
		const at = now.toISOString();
		this.#sql(
			"UPDATE cohorts SET closed_at = coalesce(closed_at, ?), updated_at = ? WHERE id = ?",
		).run(at, at, id);
		return this.get(id);
	}

	get(id: string): Cohort | undefined {
		const row = this.#sql("SELECT * FROM cohorts WHERE id = ?").get(id) as Row | undefined;
		return row === undefined ? undefined : toCohort(row);
	}

	/** The cohort a join code opens, in any letter case and with or without dashes. */
	byCode(code: string): Cohort | undefined {
		const key = cohortCodeKey(code);
		if (key === "") return undefined;
		const row = this.#sql("SELECT * FROM cohorts WHERE code_key = ?").get(key) as Row | undefined;
		return row === undefined ? undefined : toCohort(row);
	}

	/** Every cohort, the most recently opened first. */
	list(): Cohort[] {
		return (this.#sql("SELECT * FROM cohorts ORDER BY opens_at DESC, name").all() as Row[]).map(
			toCohort,
		);
	}

	/** Records that a trainee joined a cohort (joining again keeps the first time). */
	join(cohort: Cohort, trainee: string, now: Date): void {
		this.#member(cohort.id, trainee, now.toISOString());
	}

	#member(cohortId: string, trainee: string, at: string): void {
		this.#sql(
			`INSERT INTO cohort_members (cohort_id, trainee_key, trainee, joined_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (cohort_id, trainee_key) DO NOTHING`,
		).run(cohortId, searchKey(trainee), trainee, at);
	}

	/**
	 * Counts a newly stored attempt of a cohort into its progress: the trainee's attempts, best and
	 * latest score, and the per-step and per-rule totals. Only issued assessment attempts count
	 * towards them; practice attempts are counted apart. Runs in the attempt's own transaction.
	 */
	recordAttempt(record: NewAttempt): void {
		if (record.issued === undefined || record.altered !== null) return;
		const { attempt, grade } = record;
		const cohortId = record.issued.cohortId;
		const trainee = attempt.trainee?.name ?? "";
		const key = searchKey(trainee);
		this.#member(cohortId, trainee, record.issued.startedAt);
		if (attempt.mode === "practice") {
			this.#sql(
				"UPDATE cohort_members SET practice = practice + 1 WHERE cohort_id = ? AND trainee_key = ?",
			).run(cohortId, key);
			return;
		}
		if (attempt.mode !== "assessment") return;
		const takenAt = attempt.finishedAt ?? attempt.startedAt;
		this.#sql(
			`UPDATE cohort_members SET
					open = max(open - 1, 0),
					attempts = attempts + 1,
					best = max(coalesce(best, ?1), ?1),
					passed = max(passed, ?2),
					latest = CASE WHEN latest_at IS NULL OR ?3 >= latest_at THEN ?1 ELSE latest END,
					latest_id = CASE WHEN latest_at IS NULL OR ?3 >= latest_at THEN ?4 ELSE latest_id END,
					latest_at = CASE WHEN latest_at IS NULL OR ?3 >= latest_at THEN ?3 ELSE latest_at END
				WHERE cohort_id = ?5 AND trainee_key = ?6`,
		).run(grade.score, Number(grade.passed), takenAt, attempt.id, cohortId, key);
		const step = this.#sql(
			`INSERT INTO cohort_step_totals (cohort_id, step, attempts, done) VALUES (?, ?, 1, ?)
			ON CONFLICT (cohort_id, step) DO UPDATE SET
				attempts = attempts + 1, done = done + excluded.done`,
		);
		for (const s of grade.steps) if (s.required) step.run(cohortId, s.id, Number(s.done));
		const rule = this.#sql(
			`INSERT INTO cohort_rule_totals (cohort_id, rule, attempts) VALUES (?, ?, 1)
			ON CONFLICT (cohort_id, rule) DO UPDATE SET attempts = attempts + 1`,
		);
		for (const id of new Set(grade.findings.map((f) => f.rule))) rule.run(cohortId, id);
	}

	/** Where a cohort stands (see insight.ts). */
	insight(cohortId: string): CohortInsight {
		return cohortInsight(this.#db, cohortId);
	}

	/**
	 * How many assessment attempts a trainee (by name) has been issued in a cohort: the count
	 * `issue` keeps on the trainee's row.
	 */
	issuedAssessments(cohortId: string, trainee: string): number {
		const row = this.#sql(
			"SELECT issued FROM cohort_members WHERE cohort_id = ? AND trainee_key = ?",
		).get(cohortId, searchKey(trainee)) as { issued: number } | undefined;
		return row?.issued ?? 0;
	}

	/**
	 * Issues an attempt: a new attempt id, the scenario's seed (the cohort's, or the trainee's own)
	 * and a random token, of which only the hash is kept.
	 */
	issue(
		cohort: Cohort,
		trainee: string,
		scenarioId: string,
		mode: "practice" | "assessment",
		now: Date,
	): { token: string; issued: IssuedToken } {
		const token = randomBytes(32).toString("base64url");
		const issued: IssuedToken = {
			attemptId: randomUUID(),
			cohortId: cohort.id,
			trainee,
			scenarioId,
			seed: cohort.sameSeed ? cohort.seed : randomInt(0x1_0000_0000),
			mode,
			issuedAt: now.toISOString(),
			usedAt: null,
		};
		this.#member(cohort.id, trainee, issued.issuedAt);
		if (mode === "assessment") {
			this.#sql(
				`UPDATE cohort_members SET issued = issued + 1, open = open + 1
					WHERE cohort_id = ? AND trainee_key = ?`,
			).run(cohort.id, searchKey(trainee));
		}
		this.#sql(
			`INSERT INTO attempt_tokens (token_hash, attempt_id, cohort_id, trainee, trainee_key,
					scenario_id, seed, mode, issued_at, used_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
		).run(
			tokenHash(token),
			issued.attemptId,
			issued.cohortId,
			trainee,
			searchKey(trainee),
			scenarioId,
			issued.seed,
			mode,
			issued.issuedAt,
		);
		return { token, issued };
	}

	/** The attempt a token was issued for, or undefined for a token the server never issued. */
	token(token: string): IssuedToken | undefined {
		const row = this.#sql("SELECT * FROM attempt_tokens WHERE token_hash = ?").get(
			tokenHash(token),
		) as Row | undefined;
		return row === undefined ? undefined : toToken(row);
	}
}
