import type { Action } from "./actions.ts";
import { apply } from "./apply.ts";
import type { ApplyContext } from "./context.ts";
import type { Refusal } from "./refusal.ts";
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

/** Replays a log from a state, using each event's own time as the clock. */
export function replay(start: State, events: readonly TimedAction[]): ReplayResult {
	let state = start;
	const outcomes: (Refusal | null)[] = [];
	let at = "";
	const ctx: ApplyContext = { now: () => at };
	for (const event of events) {
		at = event.at;
		const result = apply(state, event.action, ctx);
		if (result.ok) {
			state = result.state;
			outcomes.push(null);
		} else {
			outcomes.push(result.refusal);
		}
	}
	return { state, outcomes };
}
