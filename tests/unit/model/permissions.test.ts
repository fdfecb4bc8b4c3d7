import { describe, expect, test } from "vitest";
import {
	apply,
	defaultRoles,
	requiredPermission,
	roleIds,
	type Action,
	type RoleId,
	type State,
} from "../../../src/simulator/model/index.ts";
import { accept, ctx, customer, invited, label, partnerId, run } from "../support/model.ts";

/** An account with one of everything, the customer as Administration, the partner in `role` only. */
function signedInAs(role: RoleId): State {
	const base = run(
		invited(),
		label,
		{ ...label, name: "Unbenutzt" },
		{ type: "create-configuration", name: "Versand", trigger: "cloud-trigger", labelId: "label-5" },
		{ type: "start-configuration", configurationId: "configuration-7" },
		{ type: "create-configuration", name: "Reserve", trigger: "cloud-trigger", labelId: "label-5" },
		{
			type: "create-integration",
			name: "WMS",
			kind: "database",
			configurationId: "configuration-7",
		},
		{
			type: "invite-guest-user",
			firstName: "Tom",
			lastName: "Roth",
			email: "tom@x.de",
			roles: ["author"],
		},
	);
	if (role === "administration") return base;
	return accept(base, { type: "set-user-roles", userId: partnerId(base), roles: [role] });
}

const sample: Record<keyof typeof requiredPermission, Action> = {
	"create-label": { ...label, name: "Neu" },
	"edit-label": { ...label, type: "edit-label", labelId: "label-5", widthMm: 60 },
	"delete-label": { type: "delete-label", labelId: "label-6" },
	"create-configuration": {
		type: "create-configuration",
		name: "Neu",
		trigger: "file-trigger",
		labelId: "label-5",
	},
	"edit-configuration": {
		type: "edit-configuration",
		configurationId: "configuration-8",
		name: "Reserve 2",
		trigger: "cloud-trigger",
		labelId: "label-5",
	},
	"delete-configuration": { type: "delete-configuration", configurationId: "configuration-8" },
	"start-configuration": { type: "start-configuration", configurationId: "configuration-8" },
	"stop-configuration": { type: "stop-configuration", configurationId: "configuration-7" },
	"create-integration": {
		type: "create-integration",
		name: "Neu",
		kind: "sftp",
		configurationId: null,
	},
	"edit-integration": {
		type: "edit-integration",
		integrationId: "integration-9",
		name: "WMS",
		kind: "sftp",
		configurationId: null,
	},
	"delete-integration": { type: "delete-integration", integrationId: "integration-9" },
	"add-user": {
		type: "add-user",
		firstName: "Uwe",
		lastName: "Lang",
		email: "uwe@x.de",
		roles: ["operator"],
	},
	"invite-guest-user": {
		type: "invite-guest-user",
		firstName: "Uwe",
		lastName: "Lang",
		email: "uwe@x.de",
		roles: ["operator"],
	},
	"edit-user": { type: "edit-user", userId: "user-10", firstName: "Tim", lastName: "Roth" },
	"set-user-roles": { type: "set-user-roles", userId: "user-10", roles: ["operator"] },
	"remove-user": { type: "remove-user", userId: "user-10" },
	"resend-invitation": { type: "resend-invitation", userId: "user-10" },
	"set-notification-recipients": { type: "set-notification-recipients", text: customer.email },
};

describe("permissions of the signed-in user's roles", () => {
	for (const role of roleIds) {
		const granted = defaultRoles.find((r) => r.id === role)?.permissions ?? [];
		test(`${role}`, () => {
			const state = signedInAs(role);
			for (const [type, action] of Object.entries(sample) as [keyof typeof sample, Action][]) {
				const permission = requiredPermission[type];
				const result = apply(state, action, ctx);
				if (granted.includes(permission)) {
					expect(result, `${role} may ${type}`).toMatchObject({ ok: true });
				} else {
					expect(result, `${role} may not ${type}`).toEqual({
						ok: false,
						refusal: { code: "permission-denied", params: { permission } },
					});
				}
			}
		});
	}

	test("Administration and Service Provider may do everything staging needs", () => {
		for (const role of ["administration", "service-provider"] as const) {
			const state = signedInAs(role);
			for (const action of Object.values(sample)) expect(apply(state, action, ctx).ok).toBe(true);
		}
	});

	test("the roles in the state carry the default permissions", () => {
		const state = signedInAs("author");
		expect(state.roles.map((r) => r.id)).toEqual([...roleIds]);
		expect(state.roles.find((r) => r.id === "author")?.permissions).toEqual(["manage-labels"]);
	});
});
