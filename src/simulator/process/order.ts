import { leafStepIds, leavesOf, type LeafStepId, type StepId } from "./steps.ts";

/**
 * The partial order of the procedure as "before -> after" pairs between leaf steps. Everything follows
 * the order; labels come before the configurations that print them, and configurations before the
 * integrations that feed them; users can be added at any time during preparation. The whole
 * preparation comes before the customer is invited, the customer holds Administration before the
 * partner steps down, and notifications are set up after the handover.
 */
export const precedence: readonly (readonly [LeafStepId, LeafStepId])[] = [
	["order-account", "design-labels"],
	["order-account", "add-users-and-roles"],
	["design-labels", "build-configurations"],
	["build-configurations", "configure-data-integrations"],
	["configure-data-integrations", "invite-guest-user"],
	["add-users-and-roles", "invite-guest-user"],
	["invite-guest-user", "grant-administration"],
	["grant-administration", "send-invitation"],
	["send-invitation", "step-down-to-service-provider"],
	["step-down-to-service-provider", "edit-notification-recipients"],
];

const direct = new Map<LeafStepId, LeafStepId[]>(leafStepIds.map((s) => [s, []]));
for (const [before, after] of precedence) direct.get(after)?.push(before);

function closure(step: LeafStepId, seen: Set<LeafStepId>): Set<LeafStepId> {
	for (const before of direct.get(step) ?? []) {
		if (!seen.has(before)) {
			seen.add(before);
			closure(before, seen);
		}
	}
	return seen;
}

const transitive = new Map<LeafStepId, ReadonlySet<LeafStepId>>(
	leafStepIds.map((s) => [s, closure(s, new Set())]),
);

/** All leaf steps that must come before the given step (transitively), in procedure order. */
export function prerequisites(step: StepId): LeafStepId[] {
	const own = new Set(leavesOf(step));
	const result = new Set<LeafStepId>();
	for (const leaf of own) for (const before of transitive.get(leaf) ?? []) result.add(before);
	return leafStepIds.filter((s) => result.has(s) && !own.has(s));
}

/** True if the procedure requires `a` to be done before `b`. */
export function mustPrecede(a: StepId, b: StepId): boolean {
	const required = new Set(prerequisites(b));
	return leavesOf(a).every((leaf) => required.has(leaf));
}

/** The position of a leaf step in the documented sequence, a linear extension of the order. */
export function stepRank(step: StepId): number {
	return leafStepIds.indexOf(leavesOf(step)[0] as LeafStepId);
}
