import { newId, type ApplyContext } from "../context.ts";
import type { ActionOf } from "../actions.ts";
import { checkEmail } from "../email.ts";
import { limits } from "../limits.ts";
import { composeMail } from "../mail.ts";
import { fullName } from "../queries.ts";
import { accepted, refuse, refused, type ApplyResult } from "../result.ts";
import type { State, User } from "../state.ts";
import { checkText } from "../text.ts";

/**
 * Orders the account. The partner becomes its first user with Administration (the user who activates
 * an account gets Administration) under the contact address given on the order, is signed in as that
 * user, and Loftware's "account ready" e-mail and all notifications go to that address.
 */
export function orderAccount(
	state: State,
	action: ActionOf<"order-account">,
	ctx: ApplyContext,
): ApplyResult {
	if (state.account !== null) return refuse("account-already-ordered");
	const name = checkText(action.accountName, "accountName", limits.accountName);
	if (typeof name !== "string") return refused(name);
	const email = checkEmail(action.contactEmail, "contactEmail");
	if (typeof email !== "string") return refused(email);
	const customerName = checkText(
		action.customerName,
		"customerName",
		limits.customerName,
		action.forCustomer ? "required" : "optional",
	);
	if (typeof customerName !== "string") return refused(customerName);
	const note = checkText(action.note ?? "", "note", limits.note, "multiline");
	if (typeof note !== "string") return refused(note);

	const at = ctx.now();
	const user: User = {
		id: newId(ctx, "user", state.seq),
		firstName: state.partner.firstName,
		lastName: state.partner.lastName,
		email,
		kind: "guest",
		status: "active",
		roles: ["administration"],
		createdAt: at,
		activatedAt: at,
	};
	const mail = composeMail(ctx, state.seq + 1, at, "account-ready", [email], user.id, {
		accountName: name,
		name: fullName(user),
	});
	return accepted(
		{
			...state,
			seq: state.seq + 2,
			account: {
				name,
				contactEmail: email,
				forCustomer: action.forCustomer,
				customerName,
				note,
				orderedAt: at,
			},
			signedInUserId: user.id,
			users: [user],
			notificationRecipients: [email],
			mailbox: [...state.mailbox, mail],
		},
		[
			{ type: "created", entity: "user", id: user.id },
			{ type: "mail-sent", mailId: mail.id, kind: mail.kind, to: mail.to },
		],
	);
}
