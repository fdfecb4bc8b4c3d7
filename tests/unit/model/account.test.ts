import { describe, expect, test } from "vitest";
import { apply, limits, stateSchema } from "../../../src/simulator/model/index.ts";
import {
	ctx,
	expectRefusal,
	fresh,
	label,
	now,
	order,
	ordered,
	partner,
} from "../support/model.ts";

describe("order-account", () => {
	test("creates the account, the partner's Administration user, the session and the ready e-mail", () => {
		const result = apply(fresh(), { ...order, note: "  bitte <b>schnell</b>  " }, ctx);
		if (!result.ok) throw new Error(result.refusal.code);
		const { state } = result;
		expect(state.account).toEqual({
			name: "sonnenkorn-backwaren",
			contactEmail: partner.email,
			forCustomer: true,
			customerName: "Sonnenkorn Backwaren GmbH",
			note: "bitte <b>schnell</b>",
			orderedAt: now,
		});
		expect(state.users).toEqual([
			{
				id: "user-1",
				firstName: "Jonas",
				lastName: "Berger",
				email: partner.email,
				kind: "guest",
				status: "active",
				roles: ["administration"],
				createdAt: now,
				activatedAt: now,
			},
		]);
		expect(state.signedInUserId).toBe("user-1");
		expect(state.notificationRecipients).toEqual([partner.email]);
		expect(state.mailbox).toEqual([
			{
				id: "mail-2",
				at: now,
				kind: "account-ready",
				to: [partner.email],
				userId: "user-1",
				params: { accountName: "sonnenkorn-backwaren", name: "Jonas Berger" },
			},
		]);
		expect(result.effects).toEqual([
			{ type: "created", entity: "user", id: "user-1" },
			{ type: "mail-sent", mailId: "mail-2", kind: "account-ready", to: [partner.email] },
		]);
		expect(stateSchema.safeParse(state).success).toBe(true);
	});

	test("the contact address is normalised and the customer name is optional without the note", () => {
		const result = apply(
			fresh(),
			{
				...order,
				contactEmail: " Jonas.Berger@EtiketTec-Partner.de ",
				forCustomer: false,
				customerName: "",
			},
			ctx,
		);
		expect(result.ok && result.state.account?.contactEmail).toBe(partner.email);
	});

	test("the injected id generator names new entities", () => {
		const result = apply(fresh(), order, {
			now: () => now,
			newId: (kind, seq) => `${kind}#${seq}`,
		});
		expect(result.ok && result.state.signedInUserId).toBe("user#1");
	});

	test("refusals", () => {
		const state = fresh();
		expectRefusal(ordered(), order, "account-already-ordered");
		expectRefusal(state, { ...order, accountName: "  " }, "required", "accountName");
		expectRefusal(
			state,
			{ ...order, accountName: "x".repeat(limits.accountName + 1) },
			"too-long",
			"accountName",
		);
		expectRefusal(state, { ...order, accountName: "a\nb" }, "invalid-characters", "accountName");
		expectRefusal(
			state,
			{ ...order, contactEmail: "jonas berger@x.de" },
			"email-spaces",
			"contactEmail",
		);
		expectRefusal(state, { ...order, contactEmail: "" }, "required", "contactEmail");
		expectRefusal(state, { ...order, customerName: " " }, "required", "customerName");
		expectRefusal(state, { ...order, note: "x".repeat(limits.note + 1) }, "too-long", "note");
		expectRefusal(state, { ...order, note: "a\u0000b" }, "invalid-characters", "note");
	});

	test("a multi-line note keeps its line breaks", () => {
		const result = apply(fresh(), { ...order, note: "Zeile 1\nZeile 2" }, ctx);
		expect(result.ok && result.state.account?.note).toBe("Zeile 1\nZeile 2");
	});

	test("nothing else is possible before the order", () => {
		expectRefusal(fresh(), label, "account-not-ordered");
		expectRefusal(
			fresh(),
			{ type: "activate-invitation", userId: "user-1" },
			"account-not-ordered",
		);
	});

	test("an unknown action type is refused, not a crash", () => {
		const bogus = { type: "format-disk" } as unknown as typeof label;
		expectRefusal(ordered(), bogus, "unknown-action");
	});
});
