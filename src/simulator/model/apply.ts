import type { Action } from "./actions.ts";
import type { ApplyContext } from "./context.ts";
import { orderAccount } from "./handlers/account.ts";
import {
	createConfiguration,
	deleteConfiguration,
	editConfiguration,
	startConfiguration,
	stopConfiguration,
} from "./handlers/configurations.ts";
import { createIntegration, deleteIntegration, editIntegration } from "./handlers/integrations.ts";
import { createLabel, deleteLabel, editLabel } from "./handlers/labels.ts";
import { setNotificationRecipients } from "./handlers/notifications.ts";
import {
	activateInvitation,
	addUser,
	editUser,
	inviteGuestUser,
	removeUser,
	resendInvitation,
	setUserRoles,
} from "./handlers/users.ts";
import { requiredPermission } from "./permissions.ts";
import { signedInUser, userCan } from "./queries.ts";
import { refuse, type ApplyResult } from "./result.ts";
import type { State } from "./state.ts";

/**
 * The reducer: the next state for an action, or a refusal with a reason code and the offending field.
 * It never mutates its input, so a refusal leaves the state untouched, and it reads time and ids only
 * from `ctx`, so the same state and action always give the same result.
 * Checks run in this order: account exists, the partner is still a user, permission, referenced entity exists, fields in form
 * order, then business rules (duplicates, last administrator, ...).
 */
export function apply(state: State, action: Action, ctx: ApplyContext): ApplyResult {
	if (action.type === "order-account") return orderAccount(state, action, ctx);
	if (state.account === null) return refuse("account-not-ordered");
	if (action.type === "activate-invitation") return activateInvitation(state, action, ctx);

	const permission = requiredPermission[action.type];
	if (permission === undefined) return refuse("unknown-action");
	const actor = signedInUser(state);
	if (actor === undefined) return refuse("signed-out");
	if (!userCan(state, actor, permission)) {
		return refuse("permission-denied", undefined, { permission });
	}
	// One case per action, written out rather than looked up in a table, so TypeScript narrows
	// each action to the handler's parameter type and a missing case fails to compile.
	switch (action.type) {
		case "create-label":
			return createLabel(state, action, ctx);
		case "edit-label":
			return editLabel(state, action, ctx);
		case "delete-label":
			return deleteLabel(state, action);
		case "create-configuration":
			return createConfiguration(state, action, ctx);
		case "edit-configuration":
			return editConfiguration(state, action, ctx);
		case "delete-configuration":
			return deleteConfiguration(state, action);
		case "start-configuration":
			return startConfiguration(state, action, ctx);
		case "stop-configuration":
			return stopConfiguration(state, action, ctx);
		case "create-integration":
			return createIntegration(state, action, ctx);
		case "edit-integration":
			return editIntegration(state, action, ctx);
		case "delete-integration":
			return deleteIntegration(state, action);
		case "add-user":
			return addUser(state, action, ctx);
		case "invite-guest-user":
			return inviteGuestUser(state, action, ctx);
		case "edit-user":
			return editUser(state, action);
		case "set-user-roles":
			return setUserRoles(state, action);
		case "remove-user":
			return removeUser(state, action);
		case "resend-invitation":
			return resendInvitation(state, action, ctx);
		case "set-notification-recipients":
			return setNotificationRecipients(state, action, ctx);
		default:
			return refuse("unknown-action");
	}
}
