import { describe, expect, test } from "vitest";
import { apply, type Action, type State } from "../../../src/simulator/model/index.ts";
import {
	accept,
	ctx,
	customer,
	expectRefusal,
	fresh,
	invited,
	label,
	order,
	ordered,
	run,
} from "../support/model.ts";

/**
 * Systematic bad input over every text and address field: each value gives its field-level reason or
 * is stored as plain data; never a crash, never a changed state.
 */

function prepared(): State {
	return run(
		invited(),
		label,
		{ type: "create-configuration", name: "Versand", trigger: "cloud-trigger", labelId: "label-5" },
		{
			type: "create-integration",
			name: "WMS",
			kind: "database",
			configurationId: "configuration-6",
		},
	);
}

type TextCase = readonly [
	name: string,
	state: () => State,
	action: Action,
	field: string,
	required: boolean,
];

const textFields: readonly TextCase[] = [
	["order accountName", fresh, order, "accountName", true],
	["order customerName", fresh, order, "customerName", true],
	["order note", fresh, order, "note", false],
	["create-label name", ordered, label, "name", true],
	["create-label printer", ordered, label, "printer", true],
	["edit-label name", prepared, { ...label, type: "edit-label", labelId: "label-5" }, "name", true],
	[
		"edit-label printer",
		prepared,
		{ ...label, type: "edit-label", labelId: "label-5" },
		"printer",
		true,
	],
	[
		"create-configuration name",
		prepared,
		{ type: "create-configuration", name: "Neu", trigger: "http-trigger", labelId: "label-5" },
		"name",
		true,
	],
	[
		"edit-configuration name",
		prepared,
		{
			type: "edit-configuration",
			configurationId: "configuration-6",
			name: "X",
			trigger: "http-trigger",
			labelId: "label-5",
		},
		"name",
		true,
	],
	[
		"create-integration name",
		prepared,
		{ type: "create-integration", name: "N", kind: "sftp", configurationId: null },
		"name",
		true,
	],
	[
		"edit-integration name",
		prepared,
		{
			type: "edit-integration",
			integrationId: "integration-7",
			name: "N",
			kind: "sftp",
			configurationId: null,
		},
		"name",
		true,
	],
	...(["firstName", "lastName"] as const).flatMap((field): TextCase[] => [
		[
			`add-user ${field}`,
			ordered,
			{ type: "add-user", ...customer, roles: ["author"] },
			field,
			true,
		],
		[
			`invite-guest-user ${field}`,
			ordered,
			{ type: "invite-guest-user", ...customer, roles: ["author"] },
			field,
			true,
		],
		[
			`edit-user ${field}`,
			invited,
			{ type: "edit-user", userId: "user-3", firstName: "A", lastName: "B" },
			field,
			true,
		],
	]),
];

describe.each(textFields)("%s", (_name, state, action, field, required) => {
	const withValue = (value: string) => ({ ...action, [field]: value }) as Action;

	test("empty or blank", () => {
		for (const value of ["", "   ", "\t"]) {
			if (required) expectRefusal(state(), withValue(value), "required", field);
			else expect(apply(state(), withValue(value), ctx).ok).toBe(true);
		}
	});

	test("10,000 characters", () => {
		expectRefusal(state(), withValue("x".repeat(10_000)), "too-long", field);
	});

	test("markup is plain data", () => {
		const script = `<script>alert("${field}")</script>`;
		const next = accept(state(), withValue(script));
		expect(JSON.stringify(next)).toContain(JSON.stringify(script).slice(1, -1));
	});
});

const badAddresses = [
	["anna schmidt@sonnenkorn.de", "email-spaces"],
	["anna@", "email-domain"],
	["anna", "email-at-sign"],
	["anna@sonnenkorn", "email-tld"],
	["anna@sonnenkorn.d", "email-tld"],
	["änna@sonnenkorn.de", "email-non-ascii"],
	["anna@sönnenkorn.de", "email-non-ascii"],
] as const;

const addressFields: readonly (readonly [string, () => State, Action, string])[] = [
	["order contactEmail", fresh, order, "contactEmail"],
	["add-user email", ordered, { type: "add-user", ...customer, roles: ["author"] }, "email"],
	[
		"invite-guest-user email",
		ordered,
		{ type: "invite-guest-user", ...customer, roles: ["author"] },
		"email",
	],
];

describe.each(addressFields)("%s", (_name, state, action, field) => {
	test.each(badAddresses)("%j", (address, code) => {
		expectRefusal(state(), { ...action, [field]: address } as Action, code, field);
	});
});

describe("duplicate addresses in any letter case", () => {
	test.each(["add-user", "invite-guest-user"] as const)("%s", (type) => {
		const state = invited();
		for (const email of [
			customer.email.toUpperCase(),
			` ${customer.email} `,
			"Anna.Schmidt@SONNENKORN-backwaren.de",
		]) {
			expectRefusal(
				state,
				{ type, ...customer, email, roles: ["author"] },
				"duplicate-email",
				"email",
			);
		}
	});
});

describe("recipients text", () => {
	test.each(badAddresses)("%j names the line and the problem", (address, problem) => {
		const result = expectRefusal(
			invited(),
			{ type: "set-notification-recipients", text: `${customer.email}\n${address}` },
			"invalid-recipient",
			"text",
		);
		expect(!result.ok && result.refusal.params).toEqual({ line: 2, problem });
	});

	test("blank lines and trailing spaces are normalised away", () => {
		const state = accept(invited(), {
			type: "set-notification-recipients",
			text: `\n${customer.email}   \n\n`,
		});
		expect(state.notificationRecipients).toEqual([customer.email]);
	});

	test.each([",", ";", ", ", " ; "])("separator %j between addresses is refused", (separator) => {
		expectRefusal(
			invited(),
			{
				type: "set-notification-recipients",
				text: `${customer.email}${separator}it@sonnenkorn-backwaren.de`,
			},
			"recipients-separator",
			"text",
		);
	});

	test("upper-case duplicate", () => {
		expectRefusal(
			invited(),
			{
				type: "set-notification-recipients",
				text: `${customer.email}\n${customer.email.toUpperCase()}`,
			},
			"duplicate-recipient",
			"text",
		);
	});

	test("markup is not an address", () => {
		const text = "<script>alert(1)</script>";
		const result = expectRefusal(
			invited(),
			{ type: "set-notification-recipients", text },
			"invalid-recipient",
			"text",
		);
		expect(!result.ok && result.refusal.params).toEqual({ line: 1, problem: "email-at-sign" });
	});
});
