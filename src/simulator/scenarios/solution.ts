import type { AttemptEvent } from "../attempt/schema.ts";
import type { StepId } from "../process/steps.ts";
import { solutionFrom } from "./repair.ts";
import type { Scenario } from "./schema.ts";
import { referenceLog, type ReferenceEvent } from "./solve.ts";
import { plain, startPoint } from "./start.ts";
import { variant } from "./variant.ts";

/**
 * What the trainee has to do from a start point, as the reference does it: the demo plays it and
 * `solve` returns it. From a situation it is worked out from the state, since the fixed plan does
 * not know the mistakes a recovery scenario starts with.
 */
export function solution(s: Scenario, step?: StepId): ReferenceEvent[] {
	if (step === undefined && s.situation !== undefined) {
		return solutionFrom(s, startPoint(s).state);
	}
	const skip = startPoint(s, step).prefix.length;
	return referenceLog(s).slice(skip);
}

/** The reference event log for a scenario as loaded and a seed; it scores 100 with no findings. */
export function solve(s: Scenario, seed: number): AttemptEvent[] {
	return plain(solution(variant(s, seed)));
}
