import type { Database, Row } from "../database/database.ts";
import { sqlWords } from "../database/sql-dialect.ts";
import type { StepId } from "../../simulator/process/steps.ts";
import type { Summary } from "../attempts/store.ts";

/**
 * Where a cohort stands: each trainee's progress, how often each procedure step got done, the
 * findings, the scores and the scenarios. The server keeps the progress and the totals up to date
 * as attempts arrive (`CohortStore.recordAttempt`), from the grade it computed; scores and
 * scenarios come from one scan of an index. Only issued assessment attempts count; practice
 * attempts are counted apart and never count towards a pass rate.
 */

/** Who needs the trainer first: failed, then working, then gone quiet, then not started, then passed. */
export const traineeStates = [
	"failed",
	"in-progress",
	"abandoned",
	"not-started",
	"passed",
] as const;
export type TraineeState = (typeof traineeStates)[number];

export interface TraineeProgress {
	readonly trainee: string;
	readonly state: TraineeState;
	readonly joinedAt: string;
	/** Assessment attempts the server issued to this trainee, and those that came back. */
	readonly issued: number;
	readonly attempts: number;
	/** Issued assessment attempts never sent in time (`abandonedAt`): counted apart. */
	readonly abandoned: number;
	readonly best: number | null;
	readonly latest: number | null;
	readonly latestAt: string | null;
	readonly latestId: string | null;
	readonly practice: number;
}

export interface StepRate {
	readonly step: StepId;
	readonly attempts: number;
	readonly done: number;
}

export interface ScenarioRow {
	readonly scenarioId: string;
	readonly attempts: number;
	readonly passed: number;
	readonly averageScore: number | null;
}

export interface CohortInsight {
	readonly trainees: readonly TraineeProgress[];
	readonly steps: readonly StepRate[];
	readonly summary: Summary;
	/** Counted assessment attempts by score: index 0 holds 0–9, …, index 9 holds 90–100. */
	readonly scores: readonly number[];
	readonly scenarios: readonly ScenarioRow[];
	readonly practiceAttempts: number;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const stateOrder = Object.fromEntries(traineeStates.map((s, i) => [s, i])) as Record<
	TraineeState,
	number
>;

function stateOf(r: Row, abandoned: number): TraineeState {
	if (Number(r.passed) === 1) return "passed";
	if (Number(r.open) > abandoned) return "in-progress";
	if (Number(r.attempts) > 0) return "failed";
	return abandoned > 0 ? "abandoned" : "not-started";
}

/** The cohort as the insight needs it: where it is read and when its window ends. */
export interface InsightCohort {
	readonly id: string;
	readonly closesAt: string;
	readonly closedAt: string | null;
}

/**
 * From when an issued assessment attempt that was never sent counts as abandoned: once the
 * cohort's window has ended (closed, or past its last day), or `hours` after it was issued.
 */
export function abandonedBefore(cohort: InsightCohort, now: Date, hours: number): string {
	const end = cohort.closedAt ?? cohort.closesAt;
	if (now.toISOString() >= end) return now.toISOString();
	return new Date(now.getTime() - hours * 3_600_000).toISOString();
}

export async function cohortInsight(
	db: Database,
	cohort: InsightCohort,
	now: Date,
	abandonedAfterHours: number,
	topFindings = 10,
): Promise<CohortInsight> {
	const w = sqlWords(db.dialect);
	const cohortId = cohort.id;
	const abandoned = new Map(
		(
			await db.all(
				`SELECT trainee_key, count(*) AS n FROM attempt_tokens
				WHERE cohort_id = ? AND mode = 'assessment' AND used_at IS NULL AND issued_at < ?
				GROUP BY trainee_key`,
				[cohortId, abandonedBefore(cohort, now, abandonedAfterHours)],
			)
		).map((r) => [String(r.trainee_key), Number(r.n)]),
	);
	const trainees = (await db.all("SELECT * FROM cohort_members WHERE cohort_id = ?", [cohortId]))
		.map((r): TraineeProgress => ({
			trainee: String(r.trainee),
			state: stateOf(r, abandoned.get(String(r.trainee_key)) ?? 0),
			joinedAt: String(r.joined_at),
			issued: Number(r.issued),
			attempts: Number(r.attempts),
			abandoned: abandoned.get(String(r.trainee_key)) ?? 0,
			best: num(r.best),
			latest: num(r.latest),
			latestAt: r.latest_at === null ? null : String(r.latest_at),
			latestId: r.latest_id === null ? null : String(r.latest_id),
			practice: Number(r.practice),
		}))
		.sort(
			(a, b) => stateOrder[a.state] - stateOrder[b.state] || a.trainee.localeCompare(b.trainee),
		);

	const steps = (
		await db.all("SELECT step, attempts, done FROM cohort_step_totals WHERE cohort_id = ?", [
			cohortId,
		])
	).map((r) => ({
		step: String(r.step) as StepId,
		attempts: Number(r.attempts),
		done: Number(r.done),
	}));

	// One pass over the cohort's index entries: by scenario, mode and score band.
	const groups = await db.all<Row>(
		`SELECT scenario_id, mode, ${w.least(w.whole("score / 10"), "9")} AS band,
			count(*) AS n, sum(passed) AS passed, sum(score) AS total
		FROM attempts WHERE cohort_id = ? AND altered = 0
		GROUP BY scenario_id, mode, band`,
		[cohortId],
	);
	const scores = Array.from({ length: 10 }, () => 0);
	const byScenario = new Map<string, { attempts: number; passed: number; total: number }>();
	let practiceAttempts = 0;
	for (const g of groups) {
		const n = Number(g.n);
		if (g.mode === "practice") practiceAttempts += n;
		if (g.mode !== "assessment") continue;
		scores[Number(g.band)] = (scores[Number(g.band)] ?? 0) + n;
		const id = String(g.scenario_id);
		const row = byScenario.get(id) ?? { attempts: 0, passed: 0, total: 0 };
		row.attempts += n;
		row.passed += Number(g.passed);
		row.total += Number(g.total);
		byScenario.set(id, row);
	}
	const scenarios = [...byScenario]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([scenarioId, r]) => ({
			scenarioId,
			attempts: r.attempts,
			passed: r.passed,
			averageScore: r.attempts === 0 ? null : r.total / r.attempts,
		}));

	const counted = scenarios.reduce((sum, s) => sum + s.attempts, 0);
	const passed = scenarios.reduce((sum, s) => sum + s.passed, 0);
	const total = [...byScenario.values()].reduce((sum, s) => sum + s.total, 0);
	const findings = (
		await db.all(
			`SELECT rule, attempts FROM cohort_rule_totals WHERE cohort_id = ?
			ORDER BY attempts DESC, rule LIMIT ?`,
			[cohortId, topFindings],
		)
	).map((r) => ({ rule: String(r.rule), attempts: Number(r.attempts) }));

	return {
		trainees,
		steps,
		summary: {
			attempts: counted,
			counted,
			altered: 0,
			passed,
			passRate: counted === 0 ? null : passed / counted,
			averageScore: counted === 0 ? null : total / counted,
			findings,
		},
		scores,
		scenarios,
		practiceAttempts,
	};
}
