import type { AttemptEvent } from "../attempt.ts";
import { replay } from "../model/replay.ts";
import type { State } from "../model/state.ts";
import { stepRank } from "../process/order.ts";
import type { StepId } from "../process/steps.ts";
import { solutionFrom } from "./repair.ts";
import type { Scenario } from "./schema.ts";
import { situationLog } from "./situation.ts";
import { referenceLog, startState, type ReferenceEvent } from "./solve.ts";
import { variant } from "./variant.ts";

/** Steps done in the one "Invite guest user" dialog; a start point cannot split them. */
const dialogSteps: ReadonlySet<StepId> = new Set(["grant-administration", "send-invitation"]);

export interface StartPoint {
	/** The concrete (varied) scenario. */
	readonly scenario: Scenario;
	/** The state the trainee starts from. */
	readonly state: State;
	/** The events that built the state; the grader replays them before the trainee's. */
	readonly prefix: readonly AttemptEvent[];
}

const plain = (events: readonly ReferenceEvent[]): AttemptEvent[] =>
	events.map(({ at, action, outcome }) => ({ at, action, outcome }));

/**
 * A start point of a concrete scenario. With a step: the reference solution replayed up to (not
 * including) that step, so the guide can embed a one-step exercise such as the handover; a phase
 * starts at its first step, and `invite-guest-user`, `grant-administration` and `send-invitation`
 * are one dialog and share their start point. Without a step: the scenario's situation (see
 * `situationSchema`), or before the order.
 */
export function startPoint(s: Scenario, step?: StepId): StartPoint {
	if (step === undefined) {
		const prefix = plain(situationLog(s));
		return { scenario: s, state: replay(startState(s), prefix).state, prefix };
	}
	const rank = stepRank(dialogSteps.has(step) ? "invite-guest-user" : step);
	const prefix = plain(referenceLog(s).filter((e) => stepRank(e.step) < rank));
	return { scenario: s, state: replay(startState(s), prefix).state, prefix };
}

/** The start point of a scenario as loaded, for a seed and a step (see `startPoint`). */
export function startAt(s: Scenario, seed: number, step?: StepId): StartPoint {
	return startPoint(variant(s, seed), step);
}

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
