import type { ActionOf } from "../actions.ts";
import type { ApplyContext } from "../context.ts";
import { composeMail } from "../mail.ts";
import { parseRecipients } from "../recipients.ts";
import { accepted, refused, type ApplyResult } from "../result.ts";
import type { State } from "../state.ts";

/** Saves the recipients window; the listed addresses get a confirmation that they are subscribed. */
export function setNotificationRecipients(
	state: State,
	action: ActionOf<"set-notification-recipients">,
	ctx: ApplyContext,
): ApplyResult {
	const recipients = parseRecipients(action.text);
	if ("code" in recipients) return refused(recipients);
	const mail = composeMail(ctx, state.seq, ctx.now(), "recipients-updated", recipients, null, {
		accountName: state.account?.name ?? "",
	});
	return accepted(
		{
			...state,
			seq: state.seq + 1,
			notificationRecipients: [...recipients],
			mailbox: [...state.mailbox, mail],
		},
		[{ type: "mail-sent", mailId: mail.id, kind: mail.kind, to: mail.to }],
	);
}
