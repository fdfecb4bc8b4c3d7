import type { StepId } from "../process/steps.ts";

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
