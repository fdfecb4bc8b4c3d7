import type { Action } from "../model/actions.ts";
import type { State } from "../model/state.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { requirementsOf } from "./requirements.ts";
import type { LeafStepId } from "./steps.ts";

/**
 * The steps of the procedure an action works on. One owner for the question "which step was the
 * trainee doing?": the coach links a refusal to the section explaining it, the trace credits a step
 * only to actions of that step, and the grader points a finding at the action that caused it. The
 * first step is the one a refusal links to. `state` is the state the action was taken in.
 */
export function actionSteps(s: Scenario, state: State, action: Action): readonly LeafStepId[] {
	const contact = requirementsOf(s).contact.email;
	const isContact = (userId: string) =>
		state.users.some(
			(u) => u.id === userId && u.email === contact && u.id !== state.signedInUserId,
		);
	switch (action.type) {
		case "order-account":
			return ["order-account"];
		case "create-label":
		case "edit-label":
		case "delete-label":
			return ["design-labels"];
		case "create-configuration":
		case "edit-configuration":
		case "delete-configuration":
		case "start-configuration":
		case "stop-configuration":
			return ["build-configurations"];
		case "create-integration":
		case "edit-integration":
		case "delete-integration":
			return ["configure-data-integrations"];
		case "invite-guest-user":
			// The one dialog enters the customer, grants the roles and sends the invitation.
			return action.email.trim().toLowerCase() === contact
				? ["invite-guest-user", "grant-administration", "send-invitation"]
				: ["add-users-and-roles"];
		case "activate-invitation":
		case "resend-invitation":
			return ["send-invitation"];
		case "set-user-roles":
			if (action.userId === state.signedInUserId) return ["step-down-to-service-provider"];
			return isContact(action.userId) ? ["grant-administration"] : ["add-users-and-roles"];
		case "remove-user":
			if (action.userId === state.signedInUserId) return ["step-down-to-service-provider"];
			return isContact(action.userId) ? ["invite-guest-user"] : ["add-users-and-roles"];
		case "add-user":
		case "edit-user":
			return ["add-users-and-roles"];
		case "set-notification-recipients":
			return ["edit-notification-recipients"];
	}
}

/** The step whose guide section explains an action, e.g. for a refusal. */
export function actionStep(s: Scenario, state: State, action: Action): LeafStepId {
	return actionSteps(s, state, action)[0] as LeafStepId;
}
