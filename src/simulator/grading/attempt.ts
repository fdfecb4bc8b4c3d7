import type { Attempt } from "../attempt.ts";
import { getScenario } from "../scenarios/registry.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { variant } from "../scenarios/variant.ts";
import { grade, type GradeResult } from "./grade.ts";

/** The concrete scenario an attempt was made on, or undefined if its scenario id is unknown. */
export function attemptScenario(attempt: Pick<Attempt, "scenario">): Scenario | undefined {
	const base = getScenario(attempt.scenario.id);
	return base === undefined ? undefined : variant(base, attempt.scenario.seed);
}

/** Grades a validated attempt; undefined if its scenario is unknown. */
export function gradeAttempt(attempt: Attempt): GradeResult | undefined {
	const s = attemptScenario(attempt);
	if (s === undefined) return undefined;
	return grade(s, attempt.events, { start: attempt.scenario.start, hintsUsed: attempt.hintsUsed });
}
