import type { Attempt } from "../attempt.ts";
import { getScenario } from "../scenarios/registry.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { variant } from "../scenarios/variant.ts";
import { grade, type GradeOptions, type GradeResult } from "./grade.ts";

/** The concrete scenario an attempt was made on, or undefined if its scenario id is unknown. */
export function attemptScenario(attempt: Pick<Attempt, "scenario">): Scenario | undefined {
	const base = getScenario(attempt.scenario.id);
	return base === undefined ? undefined : variant(base, attempt.scenario.seed);
}

/**
 * How an attempt is graded. An attempt that starts at a step is a one-step exercise, graded on that
 * step alone; every grading path (browser, server, CLI) takes its options from here.
 */
export function gradeOptions(attempt: Pick<Attempt, "scenario" | "hintsUsed">): GradeOptions {
	const start = attempt.scenario.start;
	return { start, focus: start, hintsUsed: attempt.hintsUsed };
}

/** Grades a validated attempt; undefined if its scenario is unknown. */
export function gradeAttempt(attempt: Attempt): GradeResult | undefined {
	const s = attemptScenario(attempt);
	if (s === undefined) return undefined;
	return grade(s, attempt.events, gradeOptions(attempt));
}
