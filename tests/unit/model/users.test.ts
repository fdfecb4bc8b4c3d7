import { describe, expect, test } from "vitest";
import { apply, limits, type Action } from "../../../src/simulator/model/index.ts";
import {
	accept,
	ctx,
	customer,
	expectRefusal,
	invited,
	now,
	ordered,
	partner,
	partnerId,
	run,
	label,
	userByEmail,
} from "../support/model.ts";

const staff = {
	firstName: "Tobias",
	lastName: "Keller",
	email: "tobias.keller@sonnenkorn-backwaren.de",
};
const invite = {
	type: "invite-guest-user",
	...customer,
	roles: ["administration"],
} as const satisfies Action;
const add = { type: "add-user", ...staff, roles: ["operator"] } as const satisfies Action;

function stepDown(state: ReturnType<typeof ordered>): Action {
	return { type: "set-user-roles", userId: partnerId(state), roles: ["service-provider"] };
}

describe("add-user", () => {
	test("adds an active organizational user without sending e-mail", () => {
		const result = apply(ordered(), add, ctx);
		if (!result.ok) throw new Error(result.refusal.code);
		expect(result.state.users[1]).toEqual({
			id: "user-3",
			...staff,
			kind: "organizational",
			status: "active",
			roles: ["operator"],
			createdAt: now,
			activatedAt: now,
		});
		expect(result.state.mailbox).toHaveLength(1);
		expect(result.effects).toEqual([{ type: "created", entity: "user", id: "user-3" }]);
	});

	test("roles are stored once each, in canonical order", () => {
		const state = accept(ordered(), {
			...add,
			roles: ["operator", "author", "operator", "administration"],
		});
		expect(state.users[1]?.roles).toEqual(["administration", "author", "operator"]);
	});

	test("refusals", () => {
		const state = accept(ordered(), add);
		expectRefusal(state, { ...add, firstName: " " }, "required", "firstName");
		expectRefusal(state, { ...add, lastName: "" }, "required", "lastName");
		expectRefusal(state, { ...add, firstName: "x".repeat(10_000) }, "too-long", "firstName");
		expectRefusal(
			state,
			{ ...add, lastName: "l".repeat(limits.personName + 1) },
			"too-long",
			"lastName",
		);
		expectRefusal(state, { ...add, firstName: "To\nbias" }, "invalid-characters", "firstName");
		expectRefusal(state, { ...add, email: "tobias keller@x.de" }, "email-spaces", "email");
		expectRefusal(state, { ...add, email: "tobias@" }, "email-domain", "email");
		expectRefusal(state, { ...add, email: "tobias@sonnenkorn" }, "email-tld", "email");
		expectRefusal(state, { ...add, email: "töbias@x.de" }, "email-non-ascii", "email");
		expectRefusal(
			state,
			{ ...add, email: "TOBIAS.Keller@Sonnenkorn-Backwaren.DE" },
			"duplicate-email",
			"email",
		);
		expectRefusal(
			state,
			{ ...add, email: partner.email.toUpperCase() },
			"duplicate-email",
			"email",
		);
		expectRefusal(state, { ...add, email: "neu@x.de", roles: [] }, "roles-required", "roles");
	});
});

describe("invite-guest-user", () => {
	test("adds an Invited guest user and sends the activation e-mail", () => {
		const result = apply(
			ordered(),
			{ ...invite, email: " Anna.Schmidt@Sonnenkorn-Backwaren.de " },
			ctx,
		);
		if (!result.ok) throw new Error(result.refusal.code);
		expect(result.state.users[1]).toEqual({
			id: "user-3",
			...customer,
			kind: "guest",
			status: "invited",
			roles: ["administration"],
			createdAt: now,
			activatedAt: null,
		});
		expect(result.state.mailbox[1]).toEqual({
			id: "mail-4",
			at: now,
			kind: "invitation",
			to: [customer.email],
			userId: "user-3",
			params: {
				accountName: "sonnenkorn-backwaren",
				name: "Anna Schmidt",
				inviter: "Jonas Berger",
			},
		});
		expect(result.effects).toEqual([
			{ type: "created", entity: "user", id: "user-3" },
			{ type: "mail-sent", mailId: "mail-4", kind: "invitation", to: [customer.email] },
		]);
	});

	test("refusals", () => {
		const state = invited();
		expectRefusal(
			state,
			{ ...invite, email: "ANNA.SCHMIDT@sonnenkorn-backwaren.de" },
			"duplicate-email",
			"email",
		);
		expectRefusal(state, { ...invite, email: "anna" }, "email-at-sign", "email");
		expectRefusal(state, { ...invite, email: "neu@x.de", firstName: "" }, "required", "firstName");
		expectRefusal(state, { ...invite, email: "neu@x.de", roles: [] }, "roles-required", "roles");
	});
});

describe("edit-user", () => {
	test("changes the name, never the address", () => {
		const state = accept(invited(), {
			type: "edit-user",
			userId: "user-3",
			firstName: " Anne ",
			lastName: "Schmitt",
		});
		expect(state.users[1]).toMatchObject({
			firstName: "Anne",
			lastName: "Schmitt",
			email: customer.email,
		});
	});

	test("refusals", () => {
		const state = invited();
		expectRefusal(
			state,
			{ type: "edit-user", userId: "x", firstName: "A", lastName: "B" },
			"not-found",
			"userId",
		);
		expectRefusal(
			state,
			{ type: "edit-user", userId: "user-3", firstName: "", lastName: "B" },
			"required",
			"firstName",
		);
	});
});

describe("set-user-roles", () => {
	test("the partner steps down once the customer holds Administration", () => {
		const state = invited();
		const after = accept(state, stepDown(state));
		expect(after.users[0]?.roles).toEqual(["service-provider"]);
	});

	test("changes another user's roles", () => {
		const state = accept(invited(), {
			type: "set-user-roles",
			userId: "user-3",
			roles: ["administration", "approver"],
		});
		expect(state.users[1]?.roles).toEqual(["administration", "approver"]);
	});

	test("the last Administration member cannot leave it; an invited customer counts", () => {
		const state = ordered();
		expectRefusal(state, stepDown(state), "last-administrator", "roles");
		const stepped = accept(invited(), stepDown(invited()));
		expectRefusal(
			stepped,
			{ type: "set-user-roles", userId: "user-3", roles: ["author"] },
			"last-administrator",
			"roles",
		);
	});

	test("a Service Provider cannot take Administration back", () => {
		const stepped = accept(invited(), stepDown(invited()));
		const back: Action = {
			type: "set-user-roles",
			userId: partnerId(stepped),
			roles: ["administration"],
		};
		expectRefusal(stepped, back, "self-administration", "roles");
		// but may give it to somebody else
		const other = run(stepped, { ...add, roles: ["operator"] });
		expect(
			accept(other, { type: "set-user-roles", userId: "user-5", roles: ["administration"] })
				.users[2]?.roles,
		).toEqual(["administration"]);
	});

	test("other refusals", () => {
		const state = invited();
		expectRefusal(
			state,
			{ type: "set-user-roles", userId: "x", roles: ["author"] },
			"not-found",
			"userId",
		);
		expectRefusal(
			state,
			{ type: "set-user-roles", userId: "user-3", roles: [] },
			"roles-required",
			"roles",
		);
	});
});

describe("remove-user", () => {
	test("removes a user", () => {
		const state = accept(invited(), { type: "remove-user", userId: "user-3" });
		expect(state.users.map((u) => u.id)).toEqual(["user-1"]);
	});

	test("removing yourself signs you out for good", () => {
		const state = invited();
		const gone = accept(state, { type: "remove-user", userId: partnerId(state) });
		expect(gone.signedInUserId).toBeNull();
		expect(gone.users.map((u) => u.email)).toEqual([customer.email]);
		expectRefusal(gone, label, "signed-out");
		expectRefusal(
			gone,
			{ type: "set-user-roles", userId: "user-3", roles: ["author"] },
			"signed-out",
		);
		// the customer can still follow the invitation link
		expect(accept(gone, { type: "activate-invitation", userId: "user-3" }).users[0]?.status).toBe(
			"active",
		);
	});

	test("refusals", () => {
		const state = invited();
		expectRefusal(
			ordered(),
			{ type: "remove-user", userId: "user-1" },
			"last-administrator",
			"userId",
		);
		expectRefusal(state, { type: "remove-user", userId: "x" }, "not-found", "userId");
		const stepped = accept(state, stepDown(state));
		expectRefusal(
			stepped,
			{ type: "remove-user", userId: "user-3" },
			"last-administrator",
			"userId",
		);
	});
});

describe("resend-invitation and activate-invitation", () => {
	test("resend sends another activation e-mail", () => {
		const result = apply(invited(), { type: "resend-invitation", userId: "user-3" }, ctx);
		if (!result.ok) throw new Error(result.refusal.code);
		expect(result.state.mailbox.filter((m) => m.kind === "invitation")).toHaveLength(2);
		expect(result.effects).toEqual([
			{ type: "mail-sent", mailId: "mail-5", kind: "invitation", to: [customer.email] },
		]);
	});

	test("the customer activates; the notification recipients hear about it", () => {
		const result = apply(invited(), { type: "activate-invitation", userId: "user-3" }, ctx);
		if (!result.ok) throw new Error(result.refusal.code);
		expect(userByEmail(result.state, customer.email)).toMatchObject({
			status: "active",
			activatedAt: now,
		});
		expect(result.state.mailbox.at(-1)).toMatchObject({
			kind: "user-activated",
			to: [partner.email],
			params: { name: "Anna Schmidt", email: customer.email },
		});
	});

	test("activation needs no permission of the signed-in user", () => {
		const state = invited();
		const operator = run(state, stepDown(state), {
			type: "set-user-roles",
			userId: partnerId(state),
			roles: ["operator"],
		});
		expect(
			accept(operator, { type: "activate-invitation", userId: "user-3" }).users[1]?.status,
		).toBe("active");
	});

	test("refusals", () => {
		const state = run(invited(), add);
		const active = accept(state, { type: "activate-invitation", userId: "user-3" });
		for (const type of ["resend-invitation", "activate-invitation"] as const) {
			expectRefusal(active, { type, userId: "user-3" }, "not-invited", "userId");
			expectRefusal(state, { type, userId: "user-5" }, "not-invited", "userId");
			expectRefusal(state, { type, userId: partnerId(state) }, "not-invited", "userId");
			expectRefusal(state, { type, userId: "x" }, "not-found", "userId");
		}
	});
});
