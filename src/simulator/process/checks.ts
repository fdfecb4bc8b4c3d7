import { findUserByEmail, hasRole, signedInUser } from "../model/queries.ts";
import { sameRoles } from "../model/roles.ts";
import type { State, User } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import { contactOf, partnerAddress, personByKey, requiredRecipients } from "../scenarios/people.ts";
import type {
	Scenario,
	ScenarioConfiguration,
	ScenarioIntegration,
	ScenarioLabel,
	ScenarioUser,
} from "../scenarios/schema.ts";
import type { LeafStepId } from "./steps.ts";

/**
 * End-state checks: what the account must look like for each step to count as done. They read only
 * the state and the scenario, so they serve the live checklist and the final grade alike.
 */

export type LabelProblem = "missing" | "wrong" | null;

export function labelProblem(state: State, required: ScenarioLabel): LabelProblem {
	const key = nameKey(required.name);
	const label = state.labels.find((l) => nameKey(l.name) === key);
	if (label === undefined) return "missing";
	const fields = new Set(label.fields.map(nameKey));
	const same =
		label.widthMm === required.widthMm &&
		label.heightMm === required.heightMm &&
		nameKey(label.printer) === nameKey(required.printer) &&
		fields.size === required.fields.length &&
		required.fields.every((f) => fields.has(nameKey(f)));
	return same ? null : "wrong";
}

export function configurationProblem(state: State, required: ScenarioConfiguration): LabelProblem {
	const key = nameKey(required.name);
	const configuration = state.configurations.find((c) => nameKey(c.name) === key);
	if (configuration === undefined) return "missing";
	const label = state.labels.find((l) => l.id === configuration.labelId);
	const same =
		configuration.trigger === required.trigger &&
		label !== undefined &&
		nameKey(label.name) === nameKey(required.label) &&
		(!required.started || configuration.status === "started");
	return same ? null : "wrong";
}

export function integrationProblem(state: State, required: ScenarioIntegration): LabelProblem {
	const key = nameKey(required.name);
	const integration = state.integrations.find((i) => nameKey(i.name) === key);
	if (integration === undefined) return "missing";
	if (integration.kind !== required.kind) return "wrong";
	if (required.configuration === null) return null;
	const configuration = state.configurations.find((c) => c.id === integration.configurationId);
	return configuration !== undefined &&
		nameKey(configuration.name) === nameKey(required.configuration)
		? null
		: "wrong";
}

/** A required user is identified by the address; "wrong" means other access roles. */
export function userProblem(s: Scenario, state: State, required: ScenarioUser): LabelProblem {
	const person = personByKey(s, required.person);
	const user = person === undefined ? undefined : findUserByEmail(state, person.email);
	if (user === undefined || user.id === state.signedInUserId) return "missing";
	return sameRoles(user.roles, required.roles) ? null : "wrong";
}

/** The customer contact's user, never the partner's own (who may have ordered with that address). */
export function contactUser(s: Scenario, state: State): User | undefined {
	const user = findUserByEmail(state, contactOf(s).email);
	return user === undefined || user.id === state.signedInUserId ? undefined : user;
}

export function contactIsAdministrator(s: Scenario, state: State): boolean {
	return hasRole(contactUser(s, state), "administration");
}

export function contactInvited(s: Scenario, state: State): boolean {
	const user = contactUser(s, state);
	return (
		user !== undefined &&
		user.kind === "guest" &&
		state.mailbox.some((m) => m.kind === "invitation" && m.userId === user.id)
	);
}

export const stepChecks: Record<LeafStepId, (s: Scenario, state: State) => boolean> = {
	"order-account": (s, state) =>
		state.account !== null && state.account.contactEmail === partnerAddress(s),
	"design-labels": (s, state) => s.labels.every((l) => labelProblem(state, l) === null),
	"build-configurations": (s, state) =>
		s.configurations.every((c) => configurationProblem(state, c) === null),
	"configure-data-integrations": (s, state) =>
		s.integrations.every((i) => integrationProblem(state, i) === null),
	"add-users-and-roles": (s, state) => s.users.every((u) => userProblem(s, state, u) === null),
	"invite-guest-user": (s, state) => contactUser(s, state)?.kind === "guest",
	"grant-administration": contactIsAdministrator,
	"send-invitation": contactInvited,
	"step-down-to-service-provider": (_s, state) => {
		const partner = signedInUser(state);
		return hasRole(partner, "service-provider") && !hasRole(partner, "administration");
	},
	"edit-notification-recipients": (s, state) =>
		requiredRecipients(s).every((a) => state.notificationRecipients.includes(a)) &&
		!state.notificationRecipients.includes(partnerAddress(s)),
};

/**
 * Which parts of the state each check reads. The reducer never mutates, so an unchanged part keeps
 * its identity and the checks reading only unchanged parts need not run again.
 */
export const checkInputs: Record<LeafStepId, readonly (keyof State)[]> = {
	"order-account": ["account"],
	"design-labels": ["labels"],
	"build-configurations": ["configurations", "labels"],
	"configure-data-integrations": ["integrations", "configurations"],
	"add-users-and-roles": ["users"],
	"invite-guest-user": ["users"],
	"grant-administration": ["users"],
	"send-invitation": ["users", "mailbox"],
	"step-down-to-service-provider": ["users"],
	"edit-notification-recipients": ["notificationRecipients"],
};
