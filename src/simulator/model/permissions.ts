import type { ActionType } from "./actions.ts";
import type { Permission } from "./roles.ts";

/**
 * The permission the signed-in user needs for each action. `order-account` happens before the account
 * exists, and `activate-invitation` is done by the invited customer, so neither is listed.
 */
export const requiredPermission = {
	"create-label": "manage-labels",
	"edit-label": "manage-labels",
	"delete-label": "manage-labels",
	"create-configuration": "manage-configurations",
	"edit-configuration": "manage-configurations",
	"delete-configuration": "manage-configurations",
	"start-configuration": "run-configurations",
	"stop-configuration": "run-configurations",
	"create-integration": "manage-integrations",
	"edit-integration": "manage-integrations",
	"delete-integration": "manage-integrations",
	"add-user": "manage-users",
	"invite-guest-user": "manage-users",
	"edit-user": "manage-users",
	"set-user-roles": "manage-users",
	"remove-user": "manage-users",
	"resend-invitation": "manage-users",
	"set-notification-recipients": "manage-notifications",
} as const satisfies Record<
	Exclude<ActionType, "order-account" | "activate-invitation">,
	Permission
>;
