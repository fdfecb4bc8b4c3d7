import {
	isTransactionConflict,
	type Database,
	type Queryable,
	type Row,
	type SqlValue,
} from "../database/database.ts";
import { sqlWords, type SqlWords } from "../database/sql-dialect.ts";
import type { PlausibilityFlag } from "../../simulator/attempt/plausibility.ts";
import type { Attempt, AttemptMode } from "../../simulator/attempt/schema.ts";
import type { GradeResult } from "../../simulator/grading/index.ts";
import type { Locale } from "../../simulator/text/locale.ts";
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
	/** The version of a trainer's own scenario; null for a built-in one. */
	readonly scenarioVersion: number | null;
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

const rowColumns = (words: SqlWords) => `a.id, a.source, a.received_at, a.taken_at, a.started_at,
	a.finished_at, a.duration_ms, a.cohort, a.trainee, a.scenario_id, a.seed, a.start_step, a.mode,
	a.locale, a.app_version, a.score, a.passed, a.hints_used, a.event_count, a.refusals,
	a.claimed_score, a.altered, a.altered_reason, a.altered_detail, a.cohort_id, a.trust,
	a.server_started_at, a.server_finished_at, a.flags, a.scenario_version,
	(SELECT ${words.joinSpaced("f.rule")} FROM attempt_findings f WHERE f.attempt_id = a.id) AS rules`;

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
		scenarioVersion: r.scenario_version === null ? null : Number(r.scenario_version),
		seed: Number(r.seed),
		startStep: r.start_step === null ? null : String(r.start_step),
		mode: r.mode as AttemptMode,
		locale: r.locale as Locale,
		appVersion: String(r.app_version),
		score: Number(r.score),
		passed: Number(r.passed) === 1,
		hintsUsed: Number(r.hints_used),
		events: Number(r.event_count),
		refusals: Number(r.refusals),
		claimedScore: r.claimed_score === null ? null : Number(r.claimed_score),
		altered: Number(r.altered) === 1,
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

function where(filter: AttemptFilter, words: SqlWords): { sql: string; params: SqlValue[] } {
	const clauses: string[] = [];
	const params: SqlValue[] = [];
	// Each filter that is set adds one condition with one parameter.
	const when = (value: SqlValue | undefined, clause: string) => {
		if (value === undefined) return;
		clauses.push(clause);
		params.push(value);
	};
	when(filter.cohort, "a.cohort = ?");
	when(filter.cohortId, "a.cohort_id = ?");
	when(filter.trainee && searchKey(filter.trainee), words.contains("a.trainee_search", "?"));
	when(filter.scenario, "a.scenario_id = ?");
	when(filter.mode, "a.mode = ?");
	when(filter.passed === undefined ? undefined : Number(filter.passed), "a.passed = ?");
	when(filter.from, "a.taken_at >= ?");
	when(filter.to, "a.taken_at < ?");
	when(
		filter.viewer,
		"(a.cohort_id IS NULL OR a.cohort_id IN (SELECT id FROM cohorts WHERE owner_id = ? OR shared = 1))",
	);
	return { sql: clauses.length === 0 ? "" : `WHERE ${clauses.join(" AND ")}`, params };
}

/** Attempts and their findings, in SQLite or PostgreSQL (see database/database.ts). */
export class AttemptStore {
	readonly #db: Database;
	readonly #words: SqlWords;
	readonly #columns: string;

	/**
	 * `onInserted` runs for each new attempt inside the transaction that stores it, so whatever it
	 * keeps up to date (a cohort's progress) cannot miss or double an attempt.
	 */
	readonly #onInserted: (record: NewAttempt, tx: Queryable) => Promise<void>;

	constructor(
		db: Database,
		onInserted: (record: NewAttempt, tx: Queryable) => Promise<void> = async () => {},
	) {
		this.#onInserted = onInserted;
		this.#db = db;
		this.#words = sqlWords(db.dialect);
		this.#columns = rowColumns(this.#words);
	}

	/** Stores an attempt once; the same id again is a duplicate if identical, else a conflict. */
	async insert(record: NewAttempt): Promise<InsertOutcome> {
		const [outcome] = await this.insertMany([record]);
		if (outcome instanceof Error) throw outcome;
		return outcome as InsertOutcome;
	}

	/**
	 * Stores several attempts in one transaction, so they share one sync to disk. Each runs in a
	 * savepoint of its own: one that fails is returned as its error and leaves the others stored.
	 * They go in by id: two server instances storing batches that share attempts (a browser that
	 * sent again to the other instance) then take the ids' locks in the same order, so neither
	 * waits for the other in a circle (PostgreSQL would end that as a deadlock).
	 */
	insertMany(records: readonly NewAttempt[]): Promise<(InsertOutcome | Error)[]> {
		// Array sort is stable: the same id twice keeps its order.
		const order = records
			.map((record, index) => ({ id: record.attempt.id, record, index }))
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		return this.#db.transaction(async (tx) => {
			const outcomes: (InsertOutcome | Error)[] = new Array(records.length);
			for (const { record, index } of order) {
				await tx.run("SAVEPOINT attempt");
				try {
					outcomes[index] = await this.#insertOne(tx, record);
					await tx.run("RELEASE SAVEPOINT attempt");
				} catch (error) {
					// Caught in another transaction's way: the whole batch runs again (Database).
					if (isTransactionConflict(error)) throw error;
					await tx.run("ROLLBACK TO SAVEPOINT attempt");
					await tx.run("RELEASE SAVEPOINT attempt");
					outcomes[index] = error instanceof Error ? error : new Error(String(error));
				}
			}
			return outcomes;
		});
	}

	/**
	 * The id's unique key decides: the row goes in unless the id is taken, also when another
	 * server instance stores the same attempt at the same moment (the database makes one wait for
	 * the other). Only then is the stored digest read, to tell a repeat from a different attempt.
	 */
	async #insertOne(tx: Queryable, record: NewAttempt): Promise<InsertOutcome> {
		const { attempt, grade } = record;
		const started = instant(attempt.startedAt);
		const finished = attempt.finishedAt === undefined ? null : instant(attempt.finishedAt);
		const inserted = await tx.run(
			`INSERT INTO attempts (id, digest, source, received_at, taken_at, started_at, finished_at,
				duration_ms, cohort, trainee, trainee_search, scenario_id, seed, start_step, mode, locale,
				app_version, score, passed, hints_used, event_count, refusals, claimed_score, altered,
				altered_reason, altered_detail, cohort_id, trust, server_started_at, server_finished_at,
				flags, scenario_version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
				?, ?, ?)
			ON CONFLICT (id) DO NOTHING`,
			[
				attempt.id,
				record.digest,
				record.source,
				instant(record.receivedAt),
				finished ?? started,
				started,
				finished,
				finished === null ? null : Date.parse(finished) - Date.parse(started),
				// An issued attempt is listed under its cohort's name, not the code it was joined with;
				// any other under the cohort its trainee typed, else the join code of its package.
				record.issued?.cohortName ?? (attempt.trainee?.cohort || attempt.trainee?.joinCode) ?? "",
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
				attempt.scenario.version ?? null,
			],
		);
		if (inserted === 0) {
			const existing = await tx.get<{ digest: string }>(
				"SELECT digest FROM attempts WHERE id = ?",
				[attempt.id],
			);
			return existing?.digest === record.digest ? "duplicate" : "conflict";
		}
		if (record.issued !== undefined) {
			await tx.run("UPDATE attempt_tokens SET used_at = ? WHERE attempt_id = ?", [
				instant(record.receivedAt),
				attempt.id,
			]);
		}
		await tx.run("INSERT INTO attempt_bodies (id, attempt, grade) VALUES (?, ?, ?)", [
			attempt.id,
			JSON.stringify(attempt),
			JSON.stringify(grade),
		]);
		const perRule = new Map<string, number>();
		for (const f of grade.findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
		for (const [rule, count] of perRule) {
			await tx.run("INSERT INTO attempt_findings (attempt_id, rule, count) VALUES (?, ?, ?)", [
				attempt.id,
				rule,
				count,
			]);
		}
		await this.#onInserted(record, tx);
		return "inserted";
	}

	async get(id: string): Promise<StoredAttempt | undefined> {
		const row = await this.#db.get(
			`SELECT ${this.#columns}, b.attempt, b.grade FROM attempts a
				JOIN attempt_bodies b ON b.id = a.id WHERE a.id = ?`,
			[id],
		);
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
	async list(query: ListQuery): Promise<{ items: AttemptRow[]; total: number }> {
		const { sql, params } = where(query.filter, this.#words);
		const total = Number(
			(await this.#db.get<{ n: number }>(`SELECT count(*) AS n FROM attempts a ${sql}`, params))
				?.n ?? 0,
		);
		const ids = (
			await this.#db.all<{ id: string }>(
				`SELECT a.id FROM attempts a ${sql} ${this.#order(query)} LIMIT ? OFFSET ?`,
				[...params, query.pageSize, (query.page - 1) * query.pageSize],
			)
		).map((r) => r.id);
		if (ids.length === 0) return { items: [], total };
		const inList = this.#words.inList("a.id", ids);
		const rows = (
			await this.#db.all(`SELECT ${this.#columns} FROM attempts a WHERE ${inList.sql}`, [
				inList.param,
			])
		).map(toRow);
		const byId = new Map(rows.map((r) => [r.id, r]));
		return { items: ids.flatMap((id) => byId.get(id) ?? []), total };
	}

	/**
	 * Every matching attempt in list order (for the CSV export), from one statement, so an export
	 * taken while attempts arrive is one consistent moment (the CSV is built whole anyway).
	 */
	async rows(query: Pick<ListQuery, "filter" | "sort" | "dir">): Promise<AttemptRow[]> {
		const { sql, params } = where(query.filter, this.#words);
		return (
			await this.#db.all(
				`SELECT ${this.#columns} FROM attempts a ${sql} ${this.#order(query)}`,
				params,
			)
		).map(toRow);
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
	async summary(filter: AttemptFilter, topFindings = 10): Promise<Summary> {
		const { sql, params } = where(filter, this.#words);
		const totals = (await this.#db.get<Row>(
			`SELECT count(*) AS attempts,
				coalesce(sum(a.altered), 0) AS altered,
				coalesce(sum(CASE WHEN a.altered = 0 AND a.passed = 1 THEN 1 ELSE 0 END), 0) AS passed,
				avg(CASE WHEN a.altered = 0 THEN a.score END) AS average
			FROM attempts a ${sql}`,
			params,
		)) as Row;
		const attempts = Number(totals.attempts);
		const altered = Number(totals.altered);
		const passed = Number(totals.passed);
		const counted = attempts - altered;
		const findings = await this.#db.all<Row>(
			`SELECT f.rule AS rule, count(*) AS attempts
			FROM attempt_findings f JOIN attempts a ON a.id = f.attempt_id
			${sql === "" ? "WHERE" : `${sql} AND`} a.altered = 0
			GROUP BY f.rule ORDER BY attempts DESC, f.rule LIMIT ?`,
			[...params, topFindings],
		);
		return {
			attempts,
			counted,
			altered,
			passed,
			passRate: counted === 0 ? null : passed / counted,
			averageScore: totals.average === null ? null : Number(totals.average),
			findings: findings.map((f) => ({ rule: String(f.rule), attempts: Number(f.attempts) })),
		};
	}

	/** Every cohort with its counts, most recently active first. */
	async cohorts(filter: AttemptFilter = {}): Promise<CohortOverview[]> {
		const { sql, params } = where(filter, this.#words);
		return (
			await this.#db.all(
				`SELECT a.cohort AS cohort, count(*) AS attempts,
					count(DISTINCT a.trainee_search) AS trainees,
					coalesce(sum(CASE WHEN a.altered = 0 THEN 1 ELSE 0 END), 0) AS counted,
					coalesce(sum(CASE WHEN a.altered = 0 AND a.passed = 1 THEN 1 ELSE 0 END), 0) AS passed,
					avg(CASE WHEN a.altered = 0 THEN a.score END) AS average,
					max(a.taken_at) AS latest
				FROM attempts a ${sql} GROUP BY a.cohort ORDER BY latest DESC, a.cohort`,
				params,
			)
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

	async count(): Promise<number> {
		return Number(
			(await this.#db.get<{ n: number }>("SELECT count(*) AS n FROM attempts"))?.n ?? 0,
		);
	}
}
