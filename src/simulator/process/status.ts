import type { State } from "../model/state.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { stepChecks } from "./checks.ts";
import {
	isPhase,
	leafStepIds,
	phaseSteps,
	stepIds,
	type LeafStepId,
	type StepId,
} from "./steps.ts";

/** Whether a step has anything to do in this scenario (a scenario may need no integrations). */
export function isRequired(s: Scenario, step: StepId): boolean {
	if (isPhase(step)) return phaseSteps[step].some((leaf) => isRequired(s, leaf));
	switch (step) {
		case "design-labels":
			return s.labels.length > 0;
		case "build-configurations":
			return s.configurations.length > 0;
		case "configure-data-integrations":
			return s.integrations.length > 0;
		case "add-users-and-roles":
			return s.users.length > 0;
		default:
			return true;
	}
}

export interface StepState {
	readonly id: StepId;
	readonly required: boolean;
	/** The step's end-state check holds now (for a phase: all of its steps' checks). */
	readonly done: boolean;
}

export function leafStatus(s: Scenario, state: State): Record<LeafStepId, boolean> {
	const result = {} as Record<LeafStepId, boolean>;
	for (const leaf of leafStepIds) result[leaf] = stepChecks[leaf](s, state);
	return result;
}

/** The checklist after any action: every step in procedure order, with whether it is done now. */
export function stepStatus(s: Scenario, state: State): StepState[] {
	const leaves = leafStatus(s, state);
	return stepIds.map((id) => ({
		id,
		required: isRequired(s, id),
		done: isPhase(id) ? phaseSteps[id].every((leaf) => leaves[leaf]) : leaves[id],
	}));
}
