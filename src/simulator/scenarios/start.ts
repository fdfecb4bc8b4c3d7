import type { AttemptEvent } from "../attempt.ts";
import { replay } from "../model/replay.ts";
import type { State } from "../model/state.ts";
import { stepRank } from "../process/order.ts";
import type { StepId } from "../process/steps.ts";
import type { Scenario } from "./schema.ts";
import { referenceLog, startState } from "./solve.ts";
import { variant } from "./variant.ts";

/** Steps done in the one "Invite guest user" dialog; a start point cannot split them. */
const dialogSteps: ReadonlySet<StepId> = new Set(["grant-administration", "send-invitation"]);

export interface StartPoint {
	/** The concrete (varied) scenario. */
	readonly scenario: Scenario;
	/** The state the trainee starts from. */
	readonly state: State;
	/** The reference events that built the state; the grader replays them before the trainee's. */
	readonly prefix: readonly AttemptEvent[];
}

/**
 * A start point of a concrete scenario: the reference solution replayed up to (not including) the
 * given step, so the guide can embed a one-step exercise such as the handover. A phase starts at its
 * first step; `invite-guest-user`, `grant-administration` and `send-invitation` are one dialog and
 * therefore share their start point. Without a step, the attempt starts before the order.
 */
export function startPoint(s: Scenario, step?: StepId): StartPoint {
	if (step === undefined) return { scenario: s, state: startState(s), prefix: [] };
	const rank = stepRank(dialogSteps.has(step) ? "invite-guest-user" : step);
	const prefix = referenceLog(s)
		.filter((e) => stepRank(e.step) < rank)
		.map(({ at, action, outcome }) => ({ at, action, outcome }));
	return { scenario: s, state: replay(startState(s), prefix).state, prefix };
}

/** The start point of a scenario as loaded, for a seed and a step (see `startPoint`). */
export function startAt(s: Scenario, seed: number, step?: StepId): StartPoint {
	return startPoint(variant(s, seed), step);
}
