import { describe, expect, test } from "vitest";
import { apply, type Action } from "../../../src/simulator/model/index.ts";
import { ctx, customer, expectRefusal, invited, now, partner } from "../support/model.ts";

describe("set-notification-recipients", () => {
	test("replaces the recipients and confirms to the new list", () => {
		const text = `${customer.email}\n\n  IT@Sonnenkorn-Backwaren.de  \n`;
		const result = apply(invited(), { type: "set-notification-recipients", text }, ctx);
		if (!result.ok) throw new Error(result.refusal.code);
		const recipients = [customer.email, "it@sonnenkorn-backwaren.de"];
		expect(result.state.notificationRecipients).toEqual(recipients);
		expect(result.state.mailbox.at(-1)).toEqual({
			id: "mail-5",
			at: now,
			kind: "recipients-updated",
			to: recipients,
			userId: null,
			params: { accountName: "sonnenkorn-backwaren" },
		});
		expect(result.effects).toEqual([
			{ type: "mail-sent", mailId: "mail-5", kind: "recipients-updated", to: recipients },
		]);
	});

	test("refusals name the field and line", () => {
		const state = invited();
		const save = (text: string): Action => ({ type: "set-notification-recipients", text });
		expectRefusal(
			state,
			save(`${customer.email}, ${partner.email}`),
			"recipients-separator",
			"text",
		);
		expectRefusal(state, save(`${customer.email};`), "recipients-separator", "text");
		expectRefusal(state, save("anna@"), "invalid-recipient", "text");
		expectRefusal(
			state,
			save(`${customer.email}\n${customer.email.toUpperCase()}`),
			"duplicate-recipient",
			"text",
		);
		expectRefusal(state, save("\n \n"), "recipients-empty", "text");
	});
});
