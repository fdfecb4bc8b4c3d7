import type { AttemptEvent } from "../attempt/schema.ts";
import { replay } from "../model/replay.ts";
import type { State } from "../model/state.ts";
import { stepRank } from "../process/order.ts";
import type { StepId } from "../process/steps.ts";
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

export const plain = (events: readonly ReferenceEvent[]): AttemptEvent[] =>
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
