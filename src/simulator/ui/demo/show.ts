import type { Accessor } from "solid-js";
import type { AttemptEvent } from "../../attempt/schema.ts";
import type { LeafStepId } from "../../process/steps.ts";
import type { ReferenceEvent } from "../../scenarios/solve.ts";
import type { Gesture } from "./plan.ts";
import { MissingControl, perform, type Hands } from "./player.ts";
import type { Wait } from "./scheduler.ts";
import { readingTime } from "./timing.ts";

export interface ShowDeps {
	/** The reference solution, in the order the demo shows it. */
	readonly reference: readonly ReferenceEvent[];
	/** The gestures that take an action from the screen as it is now (`plan.ts`). */
	readonly gesturesFor: (event: ReferenceEvent) => readonly Gesture[] | undefined;
	readonly hands: (wait: Wait) => Hands;
	/** The step the caption names, and naming another. */
	readonly step: Accessor<LeafStepId | undefined>;
	readonly setStep: (step: LeafStepId) => void;
	/** The caption's why of a step, which the trainee is given time to read. */
	readonly why: (step: LeafStepId) => string;
	/** The attempt's log, as the screen's own handlers leave it. */
	readonly log: () => readonly AttemptEvent[];
}

/**
 * The scheduler's `show`: carries out action `index` of the reference gesture by gesture, naming
 * each new step in the caption first, then checks the screen took exactly that action.
 */
export function showAction(deps: ShowDeps): (index: number, wait: Wait) => Promise<void> {
	return async (index, wait) => {
		const event = deps.reference[index]!;
		const gestures = deps.gesturesFor(event);
		if (!gestures) throw new MissingControl(event.action.type);
		const hands = deps.hands(wait);
		for (const gesture of gestures) {
			if (gesture.step !== deps.step()) {
				deps.setStep(gesture.step);
				await hands.wait(readingTime(deps.why(gesture.step)));
			}
			await perform(gesture, hands);
		}
		// The screen must have taken exactly the reference's action, or the demo is not showing
		// what it claims to.
		const log = deps.log();
		const last = log[index];
		if (log.length !== index + 1 || !last || !sameAction(last.action, event.action)) {
			throw new MissingControl(`the screen took another action than ${event.action.type}`);
		}
	};
}

/** The same action, whatever order the screen put its fields in. */
function sameAction(a: object, b: object): boolean {
	return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
	if (value && typeof value === "object") {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([x], [y]) => (x < y ? -1 : 1));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
	}
	return JSON.stringify(value);
}
