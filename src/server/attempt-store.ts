import type { DatabaseSync, SQLInputValue, StatementSync } from "node:sqlite";
import { statementCache } from "./statements.ts";
import type { PlausibilityFlag } from "../simulator/attempt/plausibility.ts";
import type { Attempt, AttemptMode } from "../simulator/attempt/schema.ts";
import type { GradeResult } from "../simulator/grading/index.ts";
import type { Locale } from "../simulator/process/guide.ts";
import { transaction } from "./db.ts";
import type { AttemptFilter, ListQuery, SortKey } from "./filter.ts";

/** Why an imported attempt is not counted. */
export type AlteredReason = "score-differs" | "log-does-not-replay";

export interface NewAttempt {
	readonly attempt: Attempt;
	readonly grade: GradeResult;
	/** SHA-256 of the validated attempt; tells a repeated submission from a different one. */
	readonly digest: string;
	readonly source: "submit" | "import";
	readonly receivedAt: string;
	readonly altered: { readonly reason: AlteredReason; readonly detail: string } | null;
	/** Set when the server issued the attempt (a cohort's token): its cohort and its own start. */
	readonly issued?:
		| { readonly cohortId: string; readonly cohortName: string; readonly startedAt: string }
		| undefined;
	/** What looked implausible (see attempt/plausibility.ts). */
	readonly flags?: readonly PlausibilityFlag[] | undefined;
}

/** Whether the server issued the attempt, or only received what a browser reported. */
export type Trust = "issued" | "self-reported";

/** One attempt as the list, the CSV and the summary see it. */
export interface AttemptRow {
	readonly id: string;
	readonly source: "submit" | "import";
	readonly receivedAt: string;
	/** When the attempt was taken: its end, else its start. */
	readonly takenAt: string;
	readonly startedAt: string;
	readonly finishedAt: string | null;
	readonly durationMs: number | null;
	readonly cohort: string;
	readonly trainee: string;
	readonly scenarioId: string;
	readonly seed: number;
	readonly startStep: string | null;
	readonly mode: AttemptMode;
	readonly locale: Locale;
	readonly appVersion: string;
	readonly score: number;
	readonly passed: boolean;
	readonly hintsUsed: number;
	readonly events: number;
	readonly refusals: number;
	readonly claimedScore: number | null;
	readonly altered: boolean;
	readonly alteredReason: AlteredReason | null;
	readonly alteredDetail: string | null;
	/** Rubric ids of the attempt's findings, sorted. */
	readonly rules: readonly string[];
	/** The cohort that issued it, or null for a self-reported attempt. */
	readonly cohortId: string | null;
	readonly trust: Trust;
	/** The server's own times for an issued attempt: when it issued it and when it received it. */
	readonly serverStartedAt: string | null;
	readonly serverFinishedAt: string | null;
	readonly flags: readonly PlausibilityFlag[];
}

export interface StoredAttempt extends AttemptRow {
	readonly attempt: Attempt;
	readonly grade: GradeResult;
}

export type InsertOutcome = "inserted" | "duplicate" | "conflict";

export interface Summary {
	/** All attempts matching the filter, altered ones included. */
	readonly attempts: number;
	/** Attempts that count: not altered. */
	readonly counted: number;
	readonly altered: number;
	readonly passed: number;
	/** Share of counted attempts that passed (0..1), or null without counted attempts. */
	readonly passRate: number | null;
	readonly averageScore: number | null;
	/** Rubric rules by the number of counted attempts with a finding of them, most frequent first. */
	readonly findings: readonly { readonly rule: string; readonly attempts: number }[];
}

export interface CohortOverview {
	readonly cohort: string;
	readonly attempts: number;
	readonly trainees: number;
	readonly counted: number;
	readonly passed: number;
	readonly averageScore: number | null;
	readonly latest: string;
}

const sortColumns: Record<SortKey, string> = {
	date: "a.taken_at",
	trainee: "a.trainee_search",
	cohort: "a.cohort",
	scenario: "a.scenario_id",
	mode: "a.mode",
	score: "a.score",
	passed: "a.passed",
	duration: "a.duration_ms",
	hints: "a.hints_used",
};

const rowColumns = `a.id, a.source, a.received_at, a.taken_at, a.started_at, a.finished_at,
	a.duration_ms, a.cohort, a.trainee, a.scenario_id, a.seed, a.start_step, a.mode, a.locale,
	a.app_version, a.score, a.passed, a.hints_used, a.event_count, a.refusals, a.claimed_score,
	a.altered, a.altered_reason, a.altered_detail, a.cohort_id, a.trust, a.server_started_at,
	a.server_finished_at, a.flags,
	(SELECT group_concat(f.rule, ' ') FROM attempt_findings f WHERE f.attempt_id = a.id) AS rules`;

type Row = Record<string, SQLInputValue>;

function toRow(r: Row): AttemptRow {
	const rules = typeof r.rules === "string" && r.rules !== "" ? r.rules.split(" ").sort() : [];
	return {
		id: String(r.id),
		source: r.source as AttemptRow["source"],
		receivedAt: String(r.received_at),
		takenAt: String(r.taken_at),
		startedAt: String(r.started_at),
		finishedAt: r.finished_at === null ? null : String(r.finished_at),
		durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
		cohort: String(r.cohort),
		trainee: String(r.trainee),
		scenarioId: String(r.scenario_id),
		seed: Number(r.seed),
		startStep: r.start_step === null ? null : String(r.start_step),
		mode: r.mode as AttemptMode,
		locale: r.locale as Locale,
		appVersion: String(r.app_version),
		score: Number(r.score),
		passed: r.passed === 1,
		hintsUsed: Number(r.hints_used),
		events: Number(r.event_count),
		refusals: Number(r.refusals),
		claimedScore: r.claimed_score === null ? null : Number(r.claimed_score),
		altered: r.altered === 1,
		alteredReason: (r.altered_reason ?? null) as AlteredReason | null,
		alteredDetail: r.altered_detail === null ? null : String(r.altered_detail),
		rules,
		cohortId: r.cohort_id === null ? null : String(r.cohort_id),
		trust: r.trust === "issued" ? "issued" : "self-reported",
		serverStartedAt: r.server_started_at === null ? null : String(r.server_started_at),
		serverFinishedAt: r.server_finished_at === null ? null : String(r.server_finished_at),
		flags: r.flags === "" ? [] : (String(r.flags).split(" ") as PlausibilityFlag[]),
	};
}

/** Normalised ISO instant, so stored times compare correctly as text. */
function instant(iso: string): string {
	return new Date(iso).toISOString();
}

/** Lower-cased for the "part of the name" filter (SQLite's lower() only knows ASCII). */
export function searchKey(name: string): string {
	return name.normalize("NFC").toLowerCase();
}

function where(filter: AttemptFilter): { sql: string; params: SQLInputValue[] } {
	const clauses: string[] = [];
	const params: SQLInputValue[] = [];
	// Each filter that is set adds one condition with one parameter.
	const when = (value: SQLInputValue | undefined, clause: string) => {
		if (value === undefined) return;
		clauses.push(clause);
		params.push(value);
	};
	when(filter.cohort, "a.cohort = ?");
	when(filter.cohortId, "a.cohort_id = ?");
	when(filter.trainee && searchKey(filter.trainee), "instr(a.trainee_search, ?) > 0");
	when(filter.scenario, "a.scenario_id = ?");
	when(filter.mode, "a.mode = ?");
	when(filter.passed === undefined ? undefined : Number(filter.passed), "a.passed = ?");
	when(filter.from, "a.taken_at >= ?");
	when(filter.to, "a.taken_at < ?");
	return { sql: clauses.length === 0 ? "" : `WHERE ${clauses.join(" AND ")}`, params };
}

/** Attempts and their findings in SQLite; every method is synchronous and short. */
export class AttemptStore {
	readonly #db: DatabaseSync;
	readonly #sql: (text: string) => StatementSync;

	/**
	 * `onInserted` runs for each new attempt inside the transaction that stores it, so whatever it
	 * keeps up to date (a cohort's progress) cannot miss or double an attempt.
	 */
	readonly #onInserted: (record: NewAttempt) => void;

	constructor(db: DatabaseSync, onInserted: (record: NewAttempt) => void = () => {}) {
		this.#onInserted = onInserted;
		this.#db = db;
		this.#sql = statementCache(db);
	}

	/** Stores an attempt once; the same id again is a duplicate if identical, else a conflict. */
	insert(record: NewAttempt): InsertOutcome {
		const [outcome] = this.insertMany([record]);
		if (outcome instanceof Error) throw outcome;
		return outcome as InsertOutcome;
	}

	/**
	 * Stores several attempts in one transaction, so they share one sync to disk. Each runs in a
	 * savepoint of its own: one that fails is returned as its error and leaves the others stored.
	 */
	insertMany(records: readonly NewAttempt[]): (InsertOutcome | Error)[] {
		return transaction(this.#db, () =>
			records.map((record) => {
				this.#db.exec("SAVEPOINT attempt");
				try {
					const outcome = this.#insertOne(record);
					this.#db.exec("RELEASE attempt");
					return outcome;
				} catch (error) {
					this.#db.exec("ROLLBACK TO attempt");
					this.#db.exec("RELEASE attempt");
					return error instanceof Error ? error : new Error(String(error));
				}
			}),
		);
	}

	#insertOne(record: NewAttempt): InsertOutcome {
		const { attempt, grade } = record;
		const existing = this.#sql("SELECT digest FROM attempts WHERE id = ?").get(attempt.id) as
			{ digest: string } | undefined;
		if (existing !== undefined) {
			return existing.digest === record.digest ? "duplicate" : "conflict";
		}
		const started = instant(attempt.startedAt);
		const finished = attempt.finishedAt === undefined ? null : instant(attempt.finishedAt);
		this.#sql(
			`INSERT INTO attempts (id, digest, source, received_at, taken_at, started_at, finished_at,
				duration_ms, cohort, trainee, trainee_search, scenario_id, seed, start_step, mode, locale,
				app_version, score, passed, hints_used, event_count, refusals, claimed_score, altered,
				altered_reason, altered_detail, cohort_id, trust, server_started_at, server_finished_at,
				flags)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				?, ?)`,
		).run(
			attempt.id,
			record.digest,
			record.source,
			instant(record.receivedAt),
			finished ?? started,
			started,
			finished,
			finished === null ? null : Date.parse(finished) - Date.parse(started),
			// An issued attempt is listed under its cohort's name, not the code it was joined with.
			record.issued?.cohortName ?? attempt.trainee?.cohort ?? "",
			attempt.trainee?.name ?? "",
			searchKey(attempt.trainee?.name ?? ""),
			attempt.scenario.id,
			attempt.scenario.seed,
			attempt.scenario.start ?? null,
			attempt.mode,
			attempt.locale,
			attempt.appVersion,
			grade.score,
			grade.passed ? 1 : 0,
			attempt.hintsUsed,
			grade.events,
			grade.refusals,
			attempt.claimedScore ?? null,
			record.altered === null ? 0 : 1,
			record.altered?.reason ?? null,
			record.altered?.detail ?? null,
			record.issued?.cohortId ?? null,
			record.issued === undefined ? "self-reported" : "issued",
			record.issued === undefined ? null : instant(record.issued.startedAt),
			record.issued === undefined ? null : instant(record.receivedAt),
			(record.flags ?? []).join(" "),
		);
		if (record.issued !== undefined) {
			this.#sql("UPDATE attempt_tokens SET used_at = ? WHERE attempt_id = ?").run(
				instant(record.receivedAt),
				attempt.id,
			);
		}
		this.#sql("INSERT INTO attempt_bodies (id, attempt, grade) VALUES (?, ?, ?)").run(
			attempt.id,
			JSON.stringify(attempt),
			JSON.stringify(grade),
		);
		const perRule = new Map<string, number>();
		for (const f of grade.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
		const addFinding = this.#sql(
			"INSERT INTO attempt_findings (attempt_id, rule, count) VALUES (?, ?, ?)",
		);
		for (const [rule, count] of perRule) addFinding.run(attempt.id, rule, count);
		this.#onInserted(record);
		return "inserted";
	}

	get(id: string): StoredAttempt | undefined {
		const row = this.#sql(
			`SELECT ${rowColumns}, b.attempt, b.grade FROM attempts a JOIN attempt_bodies b ON b.id = a.id
				WHERE a.id = ?`,
		).get(id) as Row | undefined;
		if (row === undefined) return undefined;
		return {
			...toRow(row),
			attempt: JSON.parse(String(row.attempt)) as Attempt,
			grade: JSON.parse(String(row.grade)) as GradeResult,
		};
	}

	/**
	 * One page of attempts and the number of all that match. The page's ids are found first, so
	 * sorting touches only ids and sort keys, and the findings are gathered for that page alone.
	 */
	list(query: ListQuery): { items: AttemptRow[]; total: number } {
		const { sql, params } = where(query.filter);
		const total = (
			this.#sql(`SELECT count(*) AS n FROM attempts a ${sql}`).get(...params) as { n: number }
		).n;
		const ids = (
			this.#sql(`SELECT a.id FROM attempts a ${sql} ${this.#order(query)} LIMIT ? OFFSET ?`).all(
				...params,
				query.pageSize,
				(query.page - 1) * query.pageSize,
			) as { id: string }[]
		).map((r) => r.id);
		if (ids.length === 0) return { items: [], total };
		const rows = (
			this.#sql(
				`SELECT ${rowColumns} FROM attempts a WHERE a.id IN (SELECT value FROM json_each(?))`,
			).all(JSON.stringify(ids)) as Row[]
		).map(toRow);
		const byId = new Map(rows.map((r) => [r.id, r]));
		return { items: ids.flatMap((id) => byId.get(id) ?? []), total };
	}

	/** Every matching attempt in list order, one at a time (for the CSV export). */
	*rows(query: Pick<ListQuery, "filter" | "sort" | "dir">): Generator<AttemptRow> {
		const { sql, params } = where(query.filter);
		const statement = this.#sql(
			`SELECT ${rowColumns} FROM attempts a ${sql} ${this.#order(query)}`,
		);
		for (const row of statement.iterate(...params)) yield toRow(row as Row);
	}

	#order(query: Pick<ListQuery, "sort" | "dir">): string {
		const dir = query.dir === "asc" ? "ASC" : "DESC";
		const column = sortColumns[query.sort];
		// Unfinished attempts (no duration) sort last either way; the id keeps pages stable. Other
		// columns are never NULL, so their order can come straight from an index.
		const nulls = query.sort === "duration" ? `${column} IS NULL, ` : "";
		return `ORDER BY ${nulls}${column} ${dir}, a.id ${dir}`;
	}

	/** Pass rate, average and most frequent findings of the matching attempts that count. */
	summary(filter: AttemptFilter, topFindings = 10): Summary {
		const { sql, params } = where(filter);
		const totals = this.#sql(
			`SELECT count(*) AS attempts,
				coalesce(sum(a.altered), 0) AS altered,
				coalesce(sum(a.altered = 0 AND a.passed = 1), 0) AS passed,
				avg(CASE WHEN a.altered = 0 THEN a.score END) AS average
			FROM attempts a ${sql}`,
		).get(...params) as {
			attempts: number;
			altered: number;
			passed: number;
			average: number | null;
		};
		const counted = totals.attempts - totals.altered;
		const findings = this.#sql(
			`SELECT f.rule AS rule, count(*) AS attempts
			FROM attempt_findings f JOIN attempts a ON a.id = f.attempt_id
			${sql === "" ? "WHERE" : `${sql} AND`} a.altered = 0
			GROUP BY f.rule ORDER BY attempts DESC, f.rule LIMIT ?`,
		).all(...params, topFindings) as { rule: string; attempts: number }[];
		return {
			attempts: totals.attempts,
			counted,
			altered: totals.altered,
			passed: totals.passed,
			passRate: counted === 0 ? null : totals.passed / counted,
			averageScore: totals.average,
			findings: findings.map((f) => ({ rule: f.rule, attempts: f.attempts })),
		};
	}

	/** Every cohort with its counts, most recently active first. */
	cohorts(): CohortOverview[] {
		return (
			this.#sql(
				`SELECT a.cohort AS cohort, count(*) AS attempts,
					count(DISTINCT a.trainee_search) AS trainees,
					coalesce(sum(a.altered = 0), 0) AS counted,
					coalesce(sum(a.altered = 0 AND a.passed = 1), 0) AS passed,
					avg(CASE WHEN a.altered = 0 THEN a.score END) AS average,
					max(a.taken_at) AS latest
				FROM attempts a GROUP BY a.cohort ORDER BY latest DESC`,
			).all() as Row[]
		).map((r) => ({
			cohort: String(r.cohort),
			attempts: Number(r.attempts),
			trainees: Number(r.trainees),
			counted: Number(r.counted),
			passed: Number(r.passed),
			averageScore: r.average === null ? null : Number(r.average),
			latest: String(r.latest),
		}));
	}

	count(): number {
		return (this.#sql("SELECT count(*) AS n FROM attempts").get() as { n: number }).n;
	}
}
