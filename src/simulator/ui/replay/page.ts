import type { Action } from "../../model/actions.ts";
import type { View } from "../context.tsx";

/**
 * The Control Center page where an action is taken, so a replay shows the screen the trainee was
 * on when they took it.
 */
export function viewOf(action: Action): View {
	switch (action.type) {
		case "order-account":
			return { page: "dashboard" };
		case "create-label":
		case "edit-label":
		case "delete-label":
			return { page: "documents" };
		case "create-configuration":
		case "edit-configuration":
		case "delete-configuration":
		case "start-configuration":
		case "stop-configuration":
		case "create-integration":
		case "edit-integration":
		case "delete-integration":
			return { page: "integrations" };
		case "add-user":
		case "invite-guest-user":
			return { page: "users" };
		case "edit-user":
		case "set-user-roles":
		case "remove-user":
		case "resend-invitation":
			return { page: "user", userId: action.userId };
		case "set-notification-recipients":
			return { page: "account-information" };
		case "activate-invitation":
			return { page: "mailbox" };
	}
}
