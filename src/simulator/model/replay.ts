import type { Action } from "./actions.ts";
import { apply } from "./apply.ts";
import type { ApplyContext } from "./context.ts";
import type { Refusal } from "./refusal.ts";
import type { ApplyResult } from "./result.ts";
import type { State } from "./state.ts";

/** The part of a logged event the model needs: when it happened and what was done. */
export interface TimedAction {
	readonly at: string;
	readonly action: Action;
}

export interface ReplayResult {
	readonly state: State;
	/** Per event: null if accepted, otherwise the refusal. */
	readonly outcomes: readonly (Refusal | null)[];
}

/** Told about each event as it is replayed: the state before it and the model's answer. */
export type ReplayObserver<E extends TimedAction> = (
	before: State,
	event: E,
	result: ApplyResult,
) => void;

/**
 * Replays a log from a state, using each event's own time as the clock. The one loop every replay
 * goes through: the grader, the browser's running exercise and the server's outcome check follow
 * the log through `observe` instead of each walking it again.
 */
export function replay<E extends TimedAction>(
	start: State,
	events: readonly E[],
	observe?: ReplayObserver<E>,
): ReplayResult {
	let state = start;
	const outcomes: (Refusal | null)[] = [];
	let at = "";
	const ctx: ApplyContext = { now: () => at };
	for (const event of events) {
		at = event.at;
		const result = apply(state, event.action, ctx);
		observe?.(state, event, result);
		if (result.ok) {
			state = result.state;
			outcomes.push(null);
		} else {
			outcomes.push(result.refusal);
		}
	}
	return { state, outcomes };
}
