import type { Action } from "../model/actions.ts";
import type { State } from "../model/state.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { requirementsOf } from "./requirements.ts";
import type { LeafStepId } from "./steps.ts";
import { normaliseEmail } from "../model/email.ts";

/**
 * The steps of the procedure an action works on. One owner for the question "which step was the
 * trainee doing?": the coach links a refusal to the section explaining it, the trace credits a step
 * only to actions of that step, and the grader points a finding at the action that caused it. The
 * first step is the one a refusal links to. `state` is the state the action was taken in.
 */
export function actionSteps(s: Scenario, state: State, action: Action): readonly LeafStepId[] {
	// Called for every event while grading: fixed arrays, no closures.
	switch (action.type) {
		case "order-account":
			return order;
		case "create-label":
		case "edit-label":
		case "delete-label":
			return labels;
		case "create-configuration":
		case "edit-configuration":
		case "delete-configuration":
		case "start-configuration":
		case "stop-configuration":
			return configurations;
		case "create-integration":
		case "edit-integration":
		case "delete-integration":
			return integrations;
		case "invite-guest-user":
			// The one dialog enters the customer, grants the roles and sends the invitation.
			return normaliseEmail(action.email) === requirementsOf(s).contact.email ? handover : users;
		case "activate-invitation":
		case "resend-invitation":
			return invitation;
		case "set-user-roles":
			if (action.userId === state.signedInUserId) return stepDown;
			return isContact(s, state, action.userId) ? administration : users;
		case "remove-user":
			if (action.userId === state.signedInUserId) return stepDown;
			return isContact(s, state, action.userId) ? invite : users;
		case "add-user":
		case "edit-user":
			return users;
		case "set-notification-recipients":
			return recipients;
	}
}

const order: readonly LeafStepId[] = ["order-account"];
const labels: readonly LeafStepId[] = ["design-labels"];
const configurations: readonly LeafStepId[] = ["build-configurations"];
const integrations: readonly LeafStepId[] = ["configure-data-integrations"];
const users: readonly LeafStepId[] = ["add-users-and-roles"];
const handover: readonly LeafStepId[] = [
	"invite-guest-user",
	"grant-administration",
	"send-invitation",
];
const invite: readonly LeafStepId[] = ["invite-guest-user"];
const administration: readonly LeafStepId[] = ["grant-administration"];
const invitation: readonly LeafStepId[] = ["send-invitation"];
const stepDown: readonly LeafStepId[] = ["step-down-to-service-provider"];
const recipients: readonly LeafStepId[] = ["edit-notification-recipients"];

/** Whether a user is the customer contact (never the partner, who may share the address). */
function isContact(s: Scenario, state: State, userId: string): boolean {
	const contact = requirementsOf(s).contact.email;
	for (const u of state.users) {
		if (u.id === userId) return u.email === contact && u.id !== state.signedInUserId;
	}
	return false;
}

/** The step whose guide section explains an action, e.g. for a refusal. */
export function actionStep(s: Scenario, state: State, action: Action): LeafStepId {
	return actionSteps(s, state, action)[0] as LeafStepId;
}
