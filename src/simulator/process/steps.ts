import * as z from "zod/mini";

/**
 * The stable step ids of the staging procedure (domain brief). The same id names a step everywhere:
 * the guide anchor in both languages, the process definition, the checklist and every finding.
 */
export const stepIds = [
	"order-account",
	"prepare-environment",
	"design-labels",
	"build-configurations",
	"configure-data-integrations",
	"add-users-and-roles",
	"transfer-ownership",
	"invite-guest-user",
	"grant-administration",
	"send-invitation",
	"step-down-to-service-provider",
	"set-up-notifications",
	"edit-notification-recipients",
] as const;
// A const list with its type and schema derived from it, as every vocabulary of the core is.
export type StepId = (typeof stepIds)[number];
export const stepIdSchema = z.enum(stepIds);

/** The phases group steps; a phase is done when all of its steps are. */
export const phaseSteps = {
	"prepare-environment": [
		"design-labels",
		"build-configurations",
		"configure-data-integrations",
		"add-users-and-roles",
	],
	"transfer-ownership": [
		"invite-guest-user",
		"grant-administration",
		"send-invitation",
		"step-down-to-service-provider",
	],
	"set-up-notifications": ["edit-notification-recipients"],
} as const satisfies Partial<Record<StepId, readonly StepId[]>>;

export type PhaseId = keyof typeof phaseSteps;
export type LeafStepId = Exclude<StepId, PhaseId>;

export function isPhase(step: StepId): step is PhaseId {
	return step in phaseSteps;
}

/** Steps that carry an end-state check, in the order the documentation gives them. */
export const leafStepIds = stepIds.filter((s): s is LeafStepId => !isPhase(s));

/** The phase a step belongs to, or null for top-level steps (`order-account` and the phases). */
export function parentOf(step: StepId): PhaseId | null {
	for (const [phase, children] of Object.entries(phaseSteps) as [PhaseId, readonly StepId[]][]) {
		if (children.includes(step)) return phase;
	}
	return null;
}

/** The leaf steps a step stands for: itself for a leaf, its children for a phase. */
export function leavesOf(step: StepId): readonly LeafStepId[] {
	return isPhase(step) ? phaseSteps[step] : [step as LeafStepId];
}
