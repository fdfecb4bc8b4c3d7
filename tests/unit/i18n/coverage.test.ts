import i18next from "i18next";
import { describe, expect, test } from "vitest";
import { messages as all } from "../../../src/i18n/messages.ts";
import { grade, rubric, severities, type Finding } from "../../../src/simulator/grading/index.ts";
import {
	actionSchema,
	actionTypes,
	apply,
	defaultRoles,
	integrationKinds,
	limits,
	mailKinds,
	permissions,
	refusalCodes,
	replay,
	triggers,
	userKinds,
	userStatuses,
	type Action,
	type Refusal,
	type RoleId,
} from "../../../src/simulator/model/index.ts";
import { stepIds } from "../../../src/simulator/process/steps.ts";
import { cohortErrorCodes } from "../../../src/simulator/cohort/error-codes.ts";
import { plausibilityFlags } from "../../../src/simulator/attempt/plausibility.ts";
import { fieldProblems } from "../../../src/server/cohorts/input.ts";
import {
	contactOf,
	realise,
	startState,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";
import { ctx, customer, invited, label, ordered } from "../support/model.ts";
import { indexOf, planned, reference, scenario, type Plan } from "../support/grading.ts";

/**
 * Every id the core hands to the UI has a text in both languages, and every text's placeholders are
 * filled by the parameters the core actually produces.
 */

const { de } = all;
const languages = all;
const translators = Object.fromEntries(
	Object.entries(languages).map(([lng, translation]) => {
		const instance = i18next.createInstance();
		void instance.init({
			lng,
			resources: { [lng]: { translation } },
			initAsync: false,
			interpolation: { escapeValue: false },
		});
		return [lng, instance];
	}),
);

function has(key: string): boolean {
	return Object.values(translators).every((t) => t.exists(key));
}

function placeholders(key: string): string[] {
	return Object.values(languages).flatMap((messages) => {
		const text = key
			.split(".")
			.reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
		return [...String(text).matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? "");
	});
}

/** Renders in both languages and checks every placeholder was filled. */
function expectRendered(key: string, params: Record<string, unknown>) {
	for (const name of placeholders(key))
		expect(params, `${key} needs {{${name}}}`).toHaveProperty(name);
	for (const t of Object.values(translators)) {
		const text = t.t(key, params);
		expect(text).not.toBe(key);
		expect(text).not.toMatch(/\{\{|\}\}/);
	}
}

describe("every id has a text in both languages", () => {
	test.each<[string, readonly string[]]>([
		["steps.{}.title", stepIds],
		["steps.{}.summary", stepIds],
		["stepWhy.{}", stepIds],
		["refusals.{}", refusalCodes],
		["roles.{}.name", defaultRoles.map((r) => r.id)],
		["roles.{}.description", defaultRoles.map((r) => r.id)],
		["permissions.{}", permissions],
		["triggers.{}", triggers],
		["integrationKinds.{}", integrationKinds],
		["userStatus.{}", userStatuses],
		["userKinds.{}", userKinds],
		["configurationStatus.{}", ["started", "stopped"]],
		["severity.{}", severities],
		["mail.{}.subject", mailKinds],
		["mail.{}.body", mailKinds],
		["actions.{}", actionTypes],
		["cohort.errors.{}", [...cohortErrorCodes, "offline", "rate-limited"]],
		["trainer.cohorts.problems.{}", fieldProblems],
		["trainer.cohorts.states.{}", ["not-open-yet", "open", "closed"]],
		["trainer.flags.{}", plausibilityFlags],
	])("%s", (pattern, ids) => {
		for (const id of ids)
			expect(has(pattern.replace("{}", id)), pattern.replace("{}", id)).toBe(true);
	});

	test("every action field has a label, so a refusal's field can be named", () => {
		const fields = new Set(
			actionSchema.def.options.flatMap((option) =>
				Object.keys(option.shape).filter((k) => k !== "type"),
			),
		);
		for (const field of fields) expect(has(`fields.${field}`), field).toBe(true);
	});

	test("rubric rules: title and message", () => {
		for (const rule of rubric) {
			expect(has(rule.titleKey), rule.titleKey).toBe(true);
			expect(has(rule.messageKey), rule.messageKey).toBe(true);
		}
	});

	test("the starred glossary labels are used in German", () => {
		expect(de.ui.users.invite).toBe("Gastbenutzer einladen");
		expect(de.steps["edit-notification-recipients"].title).toBe(
			"Benachrichtigungsempfänger bearbeiten",
		);
		expect(de.steps["transfer-ownership"].title).toBe("Kontoinhaberschaft übertragen");
		expect(de.steps["design-labels"].title).toBe("Etiketten gestalten");
		expect(de.steps["add-users-and-roles"].title).toBe(
			"Benutzer hinzufügen und Zugriffsrollen zuweisen",
		);
		expect(de.roles.administration.name).toBe("Verwaltung");
		expect(de.roles["service-provider"].name).toBe("Service Provider");
	});
});

/** Attempts that between them trigger every rubric rule. */
function findingsOfEverything(): Finding[] {
	const found: Finding[] = [];
	const run = (id: string, edit: (plan: Plan, s: Scenario) => Plan, hintsUsed = 0) => {
		const s = scenario(id, 3);
		found.push(...grade(s, realise(s, edit(reference(s), s)), { hintsUsed }).findings);
	};
	const self = (roles: RoleId[]) =>
		planned((st) => ({ type: "set-user-roles", userId: st.signedInUserId ?? "", roles }));
	// nothing done: the account never ordered
	run("multi-site-erp", () => []);
	// a mistyped invitation found in the account and left there
	{
		const typo = scenario("typo-recovery", 3);
		found.push(...grade(typo, []).findings);
	}
	// stepping down to another role than Service Provider
	run("first-handover", (p) => [...p.slice(0, -2), self(["author"]), p.at(-1)!]);
	// only the order: every end-state rule about missing things
	run("multi-site-erp", (p) => [p[0]!]);
	// the order with the customer's address and no note
	run("first-handover", (p, s) => {
		const order = p[0]!;
		p[0] = planned(
			(st) =>
				({ ...order.build(st), contactEmail: contactOf(s).email, forCustomer: false }) as Action,
		);
		return p;
	});
	// stepping down early, again and again, after inviting too early; notifications too early
	run(
		"bottling-line",
		(p, s) => {
			const invite = p.splice(indexOf(s, p, "invite-guest-user", 1), 1);
			const recipients = p.pop()!;
			return [
				p[0]!,
				...Array(5).fill(self(["service-provider"])),
				...invite,
				recipients,
				...p.slice(1),
			];
		},
		2,
	);
	// a mistyped invitation, the contact with wrong roles, the partner's address kept
	run("first-handover", (p, s) => {
		const contact = contactOf(s);
		const invite = indexOf(s, p, "invite-guest-user");
		p.splice(
			invite,
			1,
			planned(() => ({
				type: "invite-guest-user",
				...contact,
				email: `x${contact.email}`,
				roles: ["author"],
			})),
			planned(() => ({
				type: "invite-guest-user",
				...contact,
				roles: ["administration", "author"],
			})),
		);
		p.push(
			planned(() => ({
				type: "set-notification-recipients",
				text: `${contact.email}\n${s.partner.email}`,
			})),
		);
		return p;
	});
	// everything present but wrong, and the partner keeping Administration
	run("warehouse-integrations", (p) => [
		...p.slice(0, -2),
		self(["administration", "service-provider"]),
		p.at(-1)!,
		planned((st) => ({
			type: "stop-configuration",
			configurationId: st.configurations[0]?.id ?? "",
		})),
		planned((st) => ({
			...label,
			type: "edit-label",
			labelId: st.labels[0]?.id ?? "",
			name: st.labels[0]?.name ?? "",
		})),
		planned((st) => ({
			type: "edit-integration",
			integrationId: st.integrations[0]?.id ?? "",
			name: st.integrations[0]?.name ?? "",
			kind: "oracle-ebs",
			configurationId: null,
		})),
		planned((st) => ({
			type: "set-user-roles",
			userId: st.users[1]?.id ?? "",
			roles: ["approver"],
		})),
	]);
	return found;
}

describe("texts fit the parameters the core produces", () => {
	test("findings of every rubric rule render in both languages", () => {
		const findings = findingsOfEverything();
		expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(rubric.map((r) => r.id)));
		for (const f of findings) expectRendered(f.messageKey, f.params);
		for (const f of findings)
			for (const d of f.differences ?? []) expectRendered(`grading.difference.${d.aspect}`, {});
	});

	test("refusals with parameters render in both languages", () => {
		const refusals: Refusal[] = [];
		const collect = (state: ReturnType<typeof ordered>, action: Action) => {
			const result = apply(state, action, ctx);
			if (!result.ok) refusals.push(result.refusal);
		};
		collect(ordered(), { ...label, name: "x".repeat(limits.labelName + 1) });
		collect(ordered(), { ...label, widthMm: 1 });
		collect(ordered(), { ...label, fields: Array(limits.dataFields + 1).fill("f") });
		collect(ordered(), { ...label, fields: ["a", "A"] });
		collect(invited(), { type: "set-notification-recipients", text: "a@x.de, b@x.de" });
		collect(invited(), { type: "set-notification-recipients", text: "a@x" });
		collect(invited(), {
			type: "set-notification-recipients",
			text: `${customer.email}\n${customer.email}`,
		});
		collect(ordered(), { type: "delete-label", labelId: "x" });
		for (const r of refusals) expectRendered(`refusals.${r.code}`, r.params ?? {});
		const withParams = refusalCodes.filter((code) => placeholders(`refusals.${code}`).length > 0);
		for (const code of withParams)
			expect(
				refusals.map((r) => r.code),
				code,
			).toContain(code);
	});

	test("e-mails of every kind render in both languages", () => {
		const s = scenario("first-handover", 3);
		const events = realise(s, reference(s));
		const state = replay(startState(s), events).state;
		const contact = state.users.find((u) => u.email === contactOf(s).email)!;
		const result = apply(state, { type: "activate-invitation", userId: contact.id }, ctx);
		if (!result.ok) throw new Error(result.refusal.code);
		const mails = result.state.mailbox;
		expect(new Set(mails.map((m) => m.kind))).toEqual(new Set(mailKinds));
		for (const m of mails) {
			expectRendered(`mail.${m.kind}.subject`, m.params);
			expectRendered(`mail.${m.kind}.body`, m.params);
		}
	});
});
