import { describe, expect, test } from "vitest";
import type { Action } from "../../../src/simulator/model/actions.ts";
import type { RoleId } from "../../../src/simulator/model/roles.ts";
import {
	passMark,
	refusalAllowance,
	rubric,
	ruleOf,
	type RuleId,
} from "../../../src/simulator/grading/index.ts";
import { grade } from "../../../src/simulator/grading/index.ts";
import {
	addressOf,
	mistyped,
	realise,
	solution,
	startPoint,
	configurationId,
	contactOf,
	integrationId,
	labelId,
	personByKey,
	userId,
} from "../../../src/simulator/scenarios/index.ts";
import {
	contactId,
	gradePlan,
	indexOf,
	planned,
	reference,
	rules,
	scenario,
	type Plan,
} from "../support/grading.ts";

/**
 * One test per rubric rule, each built by editing a reference plan so that exactly that finding
 * appears (plus, where the rule allows it, the natural consequences, tested separately).
 */

const firstHandover = scenario("first-handover");
const bottling = scenario("bottling-line");
const warehouse = scenario("warehouse-integrations");
const multiSite = scenario("multi-site-erp");

const tested = new Set<RuleId>();
function expectOnly(rule: RuleId, result: ReturnType<typeof gradePlan>) {
	tested.add(rule);
	expect(rules(result)).toEqual([rule]);
	const deducted = result.deductions.find((d) => d.rule === rule)?.points ?? 0;
	expect(result.score).toBe(100 - deducted);
	if (ruleOf(rule).severity === "critical") expect(result.passed).toBe(false);
	return result;
}

function edited(plan: Plan, edit: (plan: Plan) => void): Plan {
	const copy = plan.slice();
	edit(copy);
	return copy;
}

function replaceAction(plan: Plan, index: number, change: (a: Action) => Action) {
	const original = plan[index]!;
	plan[index] = { step: original.step, build: (state) => change(original.build(state)) };
}

const stepDownSelf = (roles: RoleId[]) =>
	planned((state) => ({ type: "set-user-roles", userId: state.signedInUserId ?? "", roles }));

describe("critical rules", () => {
	test("order-foreign-address: the account ordered with a customer address", () => {
		const it = addressOf(warehouse, "it")!;
		const plan = edited(reference(warehouse), (p) =>
			replaceAction(p, 0, (a) => ({ ...a, contactEmail: it }) as Action),
		);
		const result = expectOnly("order-foreign-address", gradePlan(warehouse, plan));
		expect(result.findings[0]?.params).toEqual({
			address: it,
			partnerAddress: warehouse.partner.email,
		});
	});

	test("order-foreign-address: with the contact's own address the handover falls apart too", () => {
		const contact = contactOf(firstHandover).email;
		const plan = edited(reference(firstHandover), (p) =>
			replaceAction(p, 0, (a) => ({ ...a, contactEmail: contact }) as Action),
		);
		const result = gradePlan(firstHandover, plan);
		expect(rules(result)).toContain("order-foreign-address");
		expect(result.passed).toBe(false);
	});

	test("invited-before-preparation: the invitation moved before the labels", () => {
		const plan = edited(reference(firstHandover), (p) => {
			const invite = indexOf(firstHandover, p, "invite-guest-user");
			p.splice(1, 0, ...p.splice(invite, 1));
		});
		const result = expectOnly("invited-before-preparation", gradePlan(firstHandover, plan));
		// The finding links the section that explains why, and names the unfinished step.
		expect(result.findings.map((f) => [f.id, f.step, f.params, f.event])).toEqual([
			[
				"invited-before-preparation/design-labels",
				"prepare-environment",
				{ step: "design-labels" },
				1,
			],
		]);
	});

	test("invited-before-preparation names every unfinished preparation step", () => {
		const plan = edited(reference(multiSite), (p) => {
			const invite = indexOf(multiSite, p, "invite-guest-user", multiSite.users.length);
			p.splice(1, 0, ...p.splice(invite, 1));
		});
		const result = gradePlan(multiSite, plan);
		expect(rules(result)).toEqual(["invited-before-preparation"]);
		expect(result.findings.map((f) => f.params["step"])).toEqual([
			"add-users-and-roles",
			"build-configurations",
			"configure-data-integrations",
			"design-labels",
		]);
		expect(result.deductions).toEqual([{ rule: "invited-before-preparation", points: 40 }]);
	});

	test("stepped-down-too-early: trying to step down before the customer holds Administration", () => {
		const plan = edited(reference(firstHandover), (p) =>
			p.splice(1, 0, stepDownSelf(["service-provider"])),
		);
		const result = expectOnly("stepped-down-too-early", gradePlan(firstHandover, plan));
		expect(result.refusals).toBe(1);
		expect(result.findings[0]?.event).toBe(1);
	});

	test("stepped-down-too-early: moving the step-down before the invitation also leaves the partner in Administration", () => {
		const plan = edited(reference(firstHandover), (p) => {
			const stepDown = indexOf(firstHandover, p, "set-user-roles");
			const invite = indexOf(firstHandover, p, "invite-guest-user");
			p.splice(invite, 0, ...p.splice(stepDown, 1));
		});
		// The refused step-down and never stepping down afterwards: two mistakes, two findings; not
		// holding Service Provider is part of still holding Administration, not a third one.
		expect(rules(gradePlan(firstHandover, plan))).toEqual([
			"partner-still-administrator",
			"stepped-down-too-early",
		]);
	});

	test("unknown-user-remains: a mistyped invitation found in the account and left there", () => {
		const typo = scenario("typo-recovery");
		const plan = solution(typo)
			.filter((e) => e.action.type !== "remove-user")
			.map((e) => planned(() => e.action, e.step));
		const result = grade(typo, realise(typo, plan, startPoint(typo).state));
		expectOnly("unknown-user-remains", result);
		expect(result.score).toBe(100 - ruleOf("unknown-user-remains").points);
		expect(result.findings[0]?.params["address"]).toBe(mistyped(contactOf(typo).email));
	});

	test("unknown-user-remains: a wrong invitation the trainee made counts once, as invited-wrong-address", () => {
		const contact = contactOf(firstHandover);
		const plan = edited(reference(firstHandover), (p) =>
			p.splice(
				indexOf(firstHandover, p, "invite-guest-user"),
				0,
				planned(() => ({
					type: "invite-guest-user",
					firstName: contact.firstName,
					lastName: contact.lastName,
					email: `x${contact.email}`,
					roles: ["author"],
				})),
			),
		);
		expect(rules(gradePlan(firstHandover, plan))).toEqual(["invited-wrong-address"]);
	});

	test("account-not-ordered: nothing done is one finding, not one per step", () => {
		const result = expectOnly("account-not-ordered", gradePlan(firstHandover, []));
		expect(result.score).toBe(0);
		expect(result.findings.map((f) => f.step)).toEqual(["order-account"]);
	});

	test("partner-still-administrator: keeping Administration without Service Provider is one critical", () => {
		const plan = edited(reference(firstHandover), (p) => {
			p.splice(indexOf(firstHandover, p, "set-user-roles"), 1);
		});
		const result = expectOnly("partner-still-administrator", gradePlan(firstHandover, plan));
		expect(result.findings.filter((f) => f.severity === "critical")).toHaveLength(1);
	});

	test("stepped-down-too-early: removing yourself before the handover counts as trying", () => {
		const plan = edited(reference(firstHandover), (p) =>
			p.splice(
				1,
				0,
				planned((state) => ({ type: "remove-user", userId: state.signedInUserId ?? "" })),
			),
		);
		expectOnly("stepped-down-too-early", gradePlan(firstHandover, plan));
	});

	test("customer-not-administrator: the contact loses Administration after the handover", () => {
		const it = addressOf(warehouse, "it")!;
		const plan = [
			...reference(warehouse),
			planned(() => ({
				type: "invite-guest-user",
				firstName: "IT",
				lastName: "Service",
				email: it,
				roles: ["administration"],
			})),
			planned((state) => ({
				type: "set-user-roles",
				userId: contactId(warehouse)(state),
				roles: ["approver"],
			})),
		];
		const result = expectOnly("customer-not-administrator", gradePlan(warehouse, plan));
		expect(result.checksMet).toBe(false);
		expect(result.steps.find((s) => s.id === "grant-administration")?.done).toBe(false);
	});

	test("partner-still-administrator: keeping Administration next to Service Provider", () => {
		const plan = edited(reference(firstHandover), (p) => {
			p[indexOf(firstHandover, p, "set-user-roles")] = stepDownSelf([
				"administration",
				"service-provider",
			]);
		});
		expectOnly("partner-still-administrator", gradePlan(firstHandover, plan));
	});

	test("partner-not-service-provider: changing to another role at the end", () => {
		const plan = [...reference(firstHandover), stepDownSelf(["operator"])];
		expectOnly("partner-not-service-provider", gradePlan(firstHandover, plan));
	});

	test("partner-not-service-provider: removing yourself at the end", () => {
		const plan = [
			...reference(firstHandover),
			planned((state) => ({ type: "remove-user", userId: state.signedInUserId ?? "" })),
		];
		expectOnly("partner-not-service-provider", gradePlan(firstHandover, plan));
	});
});

describe("major rules", () => {
	test("order-note-missing: no note that the account is for a customer", () => {
		const plan = edited(reference(firstHandover), (p) =>
			replaceAction(p, 0, (a) => ({ ...a, forCustomer: false, customerName: "" }) as Action),
		);
		const result = expectOnly("order-note-missing", gradePlan(firstHandover, plan));
		expect(result.score).toBe(85);
		expect(result.passed).toBe(true);
	});

	test("order-note-missing: a note naming another company", () => {
		const plan = edited(reference(firstHandover), (p) =>
			replaceAction(p, 0, (a) => ({ ...a, customerName: "Irgendwer GmbH" }) as Action),
		);
		expectOnly("order-note-missing", gradePlan(firstHandover, plan));
	});

	test("a note naming just the distinctive part of the company name is enough", () => {
		const plan = edited(reference(firstHandover), (p) =>
			replaceAction(
				p,
				0,
				(a) => ({ ...a, customerName: firstHandover.customer.shortName.toUpperCase() }) as Action,
			),
		);
		expect(gradePlan(firstHandover, plan).score).toBe(100);
	});

	test("label-missing: a label deleted after the handover", () => {
		const plan = [
			...reference(bottling),
			planned((state) => ({ type: "delete-label", labelId: labelId(state, "Kartonetikett") })),
		];
		const result = expectOnly("label-missing", gradePlan(bottling, plan));
		expect(result.findings[0]).toMatchObject({
			id: "label-missing/kartonetikett",
			params: { name: "Kartonetikett" },
		});
		expect(result.passed).toBe(false);
	});

	test("label-missing at the invitation is also a critical invitation too early", () => {
		const plan = edited(reference(bottling), (p) =>
			p.splice(indexOf(bottling, p, "create-label", 1), 1),
		);
		expect(rules(gradePlan(bottling, plan))).toEqual([
			"invited-before-preparation",
			"label-missing",
		]);
	});

	test("label-wrong: a label changed after the handover", () => {
		const label = bottling.labels[1]!;
		const plan = [
			...reference(bottling),
			planned((state) => ({
				type: "edit-label",
				labelId: labelId(state, label.name),
				...label,
				fields: [...label.fields],
				heightMm: 100,
			})),
		];
		expectOnly("label-wrong", gradePlan(bottling, plan));
	});

	test("configuration-missing", () => {
		const id = (state: Parameters<typeof configurationId>[0]) =>
			configurationId(state, "Abfüllung Glas");
		const plan = [
			...reference(bottling),
			planned((state) => ({ type: "stop-configuration", configurationId: id(state) })),
			planned((state) => ({ type: "delete-configuration", configurationId: id(state) })),
		];
		expectOnly("configuration-missing", gradePlan(bottling, plan));
	});

	test("configuration-wrong: a configuration that must run is stopped", () => {
		const plan = [
			...reference(bottling),
			planned((state) => ({
				type: "stop-configuration",
				configurationId: configurationId(state, "Abfüllung Glas"),
			})),
		];
		expectOnly("configuration-wrong", gradePlan(bottling, plan));
	});

	test("integration-missing", () => {
		const plan = [
			...reference(warehouse),
			planned((state) => ({
				type: "delete-integration",
				integrationId: integrationId(state, "WMS-Datenbank"),
			})),
		];
		expectOnly("integration-missing", gradePlan(warehouse, plan));
	});

	test("integration-wrong: the wrong kind of integration", () => {
		const plan = [
			...reference(warehouse),
			planned((state) => ({
				type: "edit-integration",
				integrationId: integrationId(state, "WMS-Datenbank"),
				name: "WMS-Datenbank",
				kind: "cloud-api",
				configurationId: configurationId(state, "Versand"),
			})),
		];
		expectOnly("integration-wrong", gradePlan(warehouse, plan));
	});

	test("user-missing", () => {
		const tobias = personByKey(bottling, "tobias")!;
		const plan = [
			...reference(bottling),
			planned((state) => ({ type: "remove-user", userId: userId(state, tobias.email) })),
		];
		const result = expectOnly("user-missing", gradePlan(bottling, plan));
		expect(result.findings[0]).toMatchObject({
			id: "user-missing/tobias",
			params: { name: `${tobias.firstName} ${tobias.lastName}`, address: tobias.email },
		});
	});

	test("user-wrong-roles", () => {
		const tobias = personByKey(bottling, "tobias")!;
		const plan = [
			...reference(bottling),
			planned((state) => ({
				type: "set-user-roles",
				userId: userId(state, tobias.email),
				roles: ["operator", "author"],
			})),
		];
		expectOnly("user-wrong-roles", gradePlan(bottling, plan));
	});

	test("customer-not-invited: the contact added without an invitation", () => {
		const plan = edited(reference(firstHandover), (p) =>
			replaceAction(
				p,
				indexOf(firstHandover, p, "invite-guest-user"),
				(a) => ({ ...a, type: "add-user" }) as Action,
			),
		);
		const result = expectOnly("customer-not-invited", gradePlan(firstHandover, plan));
		expect(result.steps.find((s) => s.id === "send-invitation")?.done).toBe(false);
	});

	test("invited-wrong-address: an invitation to a mistyped address, removed again", () => {
		const contact = contactOf(firstHandover);
		const typo = contact.email.replace("@", "x@");
		const plan = edited(reference(firstHandover), (p) => {
			const invite = indexOf(firstHandover, p, "invite-guest-user");
			p.splice(
				invite,
				0,
				planned(() => ({
					type: "invite-guest-user",
					...contact,
					email: typo,
					roles: ["administration"],
				})),
				planned((state) => ({ type: "remove-user", userId: userId(state, typo) })),
			);
		});
		const result = expectOnly("invited-wrong-address", gradePlan(firstHandover, plan));
		expect(result.findings[0]).toMatchObject({
			id: `invited-wrong-address/${typo}`,
			params: { address: typo },
		});
		expect(result.passed).toBe(true);
	});

	test("invited-wrong-roles: the customer invited without Administration, fixed later", () => {
		const plan = edited(reference(firstHandover), (p) => {
			const invite = indexOf(firstHandover, p, "invite-guest-user");
			replaceAction(p, invite, (a) => ({ ...a, roles: ["operator"] }) as Action);
			p.splice(
				invite + 1,
				0,
				planned((state) => ({
					type: "set-user-roles",
					userId: contactId(firstHandover)(state),
					roles: ["administration"],
				})),
			);
		});
		const result = expectOnly("invited-wrong-roles", gradePlan(firstHandover, plan));
		expect(result.passed).toBe(true);
	});

	test("recipients-missing-customer", () => {
		const plan = edited(reference(bottling), (p) =>
			replaceAction(p, p.length - 1, () => ({
				type: "set-notification-recipients",
				text: contactOf(bottling).email,
			})),
		);
		const result = expectOnly("recipients-missing-customer", gradePlan(bottling, plan));
		expect(result.findings[0]?.id).toBe("recipients-missing-customer/tobias");
	});

	test("recipients-include-partner", () => {
		const plan = edited(reference(bottling), (p) =>
			replaceAction(
				p,
				p.length - 1,
				(a) =>
					({ ...a, text: `${(a as { text: string }).text}\n${bottling.partner.email}` }) as Action,
			),
		);
		expectOnly("recipients-include-partner", gradePlan(bottling, plan));
	});

	test("never editing the recipients leaves the partner's address and misses the customer's", () => {
		const plan = reference(firstHandover).slice(0, -1);
		expect(rules(gradePlan(firstHandover, plan))).toEqual([
			"recipients-include-partner",
			"recipients-missing-customer",
		]);
	});
});

describe("minor rules", () => {
	test("notifications-before-handover", () => {
		const plan = edited(reference(bottling), (p) => {
			const invite = indexOf(bottling, p, "invite-guest-user", 1);
			p.splice(invite, 0, ...p.splice(p.length - 1, 1));
		});
		const result = expectOnly("notifications-before-handover", gradePlan(bottling, plan));
		expect(result.score).toBe(95);
		expect(result.passed).toBe(true);
	});

	const refused = planned(() => ({ type: "start-configuration", configurationId: "nope" }));

	test(`refusals-beyond-allowance: ${refusalAllowance} refusals are free`, () => {
		const plan = edited(reference(firstHandover), (p) =>
			p.splice(1, 0, ...Array(refusalAllowance).fill(refused)),
		);
		expect(gradePlan(firstHandover, plan).score).toBe(100);
	});

	test("refusals-beyond-allowance: each one beyond costs, up to the cap", () => {
		const plan = edited(reference(firstHandover), (p) =>
			p.splice(1, 0, ...Array(refusalAllowance + 2).fill(refused)),
		);
		const result = expectOnly("refusals-beyond-allowance", gradePlan(firstHandover, plan));
		expect(result.findings[0]?.params).toEqual({
			count: refusalAllowance + 2,
			allowed: refusalAllowance,
		});
		expect(result.score).toBe(100 - 2 * ruleOf("refusals-beyond-allowance").points);
		const many = edited(reference(firstHandover), (p) =>
			p.splice(1, 0, ...Array(50).fill(refused)),
		);
		expect(gradePlan(firstHandover, many).score).toBe(
			100 - ruleOf("refusals-beyond-allowance").cap,
		);
	});

	test("hints-used", () => {
		const result = expectOnly(
			"hints-used",
			gradePlan(firstHandover, reference(firstHandover), { hintsUsed: 3 }),
		);
		expect(result.score).toBe(100 - 3 * ruleOf("hints-used").points);
		expect(gradePlan(firstHandover, reference(firstHandover), { hintsUsed: 100 }).score).toBe(
			100 - ruleOf("hints-used").cap,
		);
	});
});

describe("score and pass rule", () => {
	test("two major findings fall below the pass mark", () => {
		const plan = edited(reference(firstHandover), (p) => {
			replaceAction(p, 0, (a) => ({ ...a, forCustomer: false }) as Action);
			const invite = indexOf(firstHandover, p, "invite-guest-user");
			replaceAction(p, invite, (a) => ({ ...a, roles: ["operator"] }) as Action);
			p.splice(
				invite + 1,
				0,
				planned((state) => ({
					type: "set-user-roles",
					userId: contactId(firstHandover)(state),
					roles: ["administration"],
				})),
			);
		});
		const result = gradePlan(firstHandover, plan);
		expect(result.checksMet).toBe(true);
		expect(result.score).toBe(70);
		expect(result.score).toBeLessThan(passMark);
		expect(result.passed).toBe(false);
	});

	test("the score never drops below zero", () => {
		expect(gradePlan(multiSite, []).score).toBe(0);
		expect(gradePlan(multiSite, []).passed).toBe(false);
	});

	test("every rubric rule has a test above", () => {
		expect([...tested].sort()).toEqual(rubric.map((r) => r.id).sort());
	});
});

test("the contact's address is recognised in any letter case", () => {
	const plan = edited(reference(firstHandover), (p) =>
		replaceAction(
			p,
			indexOf(firstHandover, p, "invite-guest-user"),
			(a) => ({ ...a, email: (a as { email: string }).email.toUpperCase() }) as Action,
		),
	);
	const result = gradePlan(firstHandover, plan);
	expect(result.score).toBe(100);
	expect(result.passed).toBe(true);
});
