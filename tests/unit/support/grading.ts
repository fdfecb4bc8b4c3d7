import type { Action } from "../../../src/simulator/model/actions.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import {
	grade,
	type GradeOptions,
	type GradeResult,
} from "../../../src/simulator/grading/index.ts";
import type { LeafStepId } from "../../../src/simulator/process/steps.ts";
import {
	contactOf,
	getScenario,
	realise,
	referencePlan,
	userId,
	variant,
	type PlannedAction,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";

/** Helpers to grade edited reference plans: the way each rubric rule test is built. */

export function scenario(id: string, seed = 11): Scenario {
	const base = getScenario(id);
	if (base === undefined) throw new Error(`no scenario ${id}`);
	return variant(base, seed);
}

export type Plan = PlannedAction[];

export function planned(
	build: (state: State) => Action,
	step: LeafStepId = "order-account",
): PlannedAction {
	return { step, build };
}

/** Index in the plan of the `nth` action of a type, as the plan realises for this scenario. */
export function indexOf(s: Scenario, plan: Plan, type: Action["type"], nth = 0): number {
	const indices = realise(s, plan)
		.map((e, i) => (e.action.type === type ? i : -1))
		.filter((i) => i >= 0);
	const index = indices[nth];
	if (index === undefined) throw new Error(`no ${type} #${nth} in plan`);
	return index;
}

export function contactId(s: Scenario): (state: State) => string {
	return (state) => userId(state, contactOf(s).email);
}

export function gradePlan(s: Scenario, plan: Plan, options?: GradeOptions): GradeResult {
	return grade(s, realise(s, plan), options);
}

export function rules(result: GradeResult): string[] {
	return [...new Set(result.findings.map((f) => f.rule))].sort();
}

export function reference(s: Scenario): Plan {
	return referencePlan(s);
}
