import type { Action } from "../model/actions.ts";
import type { State } from "../model/state.ts";
import type { StepId } from "../process/steps.ts";

/** The guide step an action belongs to, so a refusal can link the section that explains it. */
export function actionStep(action: Action, state: State): StepId {
	switch (action.type) {
		case "order-account":
			return "order-account";
		case "create-label":
		case "edit-label":
		case "delete-label":
			return "design-labels";
		case "create-configuration":
		case "edit-configuration":
		case "delete-configuration":
		case "start-configuration":
		case "stop-configuration":
			return "build-configurations";
		case "create-integration":
		case "edit-integration":
		case "delete-integration":
			return "configure-data-integrations";
		case "invite-guest-user":
			return "invite-guest-user";
		case "activate-invitation":
		case "resend-invitation":
			return "send-invitation";
		case "set-user-roles":
		case "remove-user":
			return action.userId === state.signedInUserId
				? "step-down-to-service-provider"
				: "add-users-and-roles";
		case "add-user":
		case "edit-user":
			return "add-users-and-roles";
		case "set-notification-recipients":
			return "edit-notification-recipients";
	}
}

/** The Control Center page where a step is done, for the demo to show it. */
export function stepPage(
	step: StepId,
): "documents" | "integrations" | "users" | "account-information" | "dashboard" {
	switch (step) {
		case "design-labels":
			return "documents";
		case "build-configurations":
		case "configure-data-integrations":
			return "integrations";
		case "add-users-and-roles":
		case "transfer-ownership":
		case "invite-guest-user":
		case "grant-administration":
		case "send-invitation":
		case "step-down-to-service-provider":
			return "users";
		case "set-up-notifications":
		case "edit-notification-recipients":
			return "account-information";
		default:
			return "dashboard";
	}
}
