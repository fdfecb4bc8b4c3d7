import { describe, expect, test } from "vitest";
import { grade } from "../../../src/simulator/grading/index.ts";
import { apply } from "../../../src/simulator/model/apply.ts";
import type { Action } from "../../../src/simulator/model/actions.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import { affectedSteps, leafStepIds, stepChecks } from "../../../src/simulator/process/index.ts";
import type { LeafStepId } from "../../../src/simulator/process/steps.ts";
import {
	configurationId,
	contactOf,
	labelId,
	personByKey,
	realise,
	startState,
	userId,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";
import { planned, reference, scenario, type Plan } from "../support/grading.ts";

/**
 * The grader re-runs a step's check only when the change can matter to it. These cases pin each
 * shortcut: the grade must equal checking every step after every event.
 */

/** When each step got done, found the slow way: every check after every event. */
function naiveTimings(s: Scenario, plan: Plan): Map<LeafStepId, number | null | undefined> {
	const events = realise(s, plan);
	let state: State = startState(s);
	const timings = new Map<LeafStepId, number | null | undefined>(
		leafStepIds.map((leaf) => [leaf, stepChecks[leaf](s, state) ? null : undefined]),
	);
	events.forEach((event, index) => {
		const result = apply(state, event.action, { now: () => event.at });
		if (result.ok) state = result.state;
		for (const leaf of leafStepIds) {
			if (!stepChecks[leaf](s, state)) timings.set(leaf, undefined);
			else if (timings.get(leaf) === undefined) timings.set(leaf, index);
		}
	});
	return timings;
}

function expectSameAsNaive(s: Scenario, plan: Plan) {
	const result = grade(s, realise(s, plan));
	const naive = naiveTimings(s, plan);
	for (const leaf of leafStepIds) {
		const step = result.steps.find((st) => st.id === leaf);
		const expected = naive.get(leaf);
		expect(step?.done, leaf).toBe(expected !== undefined);
		if (expected !== undefined) expect(step?.event, leaf).toBe(expected);
	}
	return new Map(result.steps.map((st) => [st.id, st]));
}

const bottling = scenario("bottling-line", 4);
const warehouse = scenario("warehouse-integrations", 4);
const glas = bottling.labels[0]!;
/** Edits the jar label, found by its current name. */
const editGlas = (change: Partial<Action & { type: "edit-label" }>, current = glas.name) =>
	planned(
		(state) =>
			({
				type: "edit-label",
				labelId: labelId(state, current),
				...glas,
				fields: [...glas.fields],
				...change,
			}) as Action,
	);

describe("checks skipped only when they cannot change", () => {
	test("renaming a label a configuration prints breaks the configuration", () => {
		const steps = expectSameAsNaive(bottling, [
			...reference(bottling),
			editGlas({ name: "Glas neu" }),
		]);
		expect(steps.get("build-configurations")?.done).toBe(false);
	});

	test("renaming it back restores the configuration at that event", () => {
		const plan = [
			...reference(bottling),
			editGlas({ name: "Glas neu" }),
			editGlas({ name: glas.name }, "Glas neu"),
		];
		const steps = expectSameAsNaive(bottling, plan);
		expect(steps.get("build-configurations")?.event).toBe(plan.length - 1);
	});

	test("resizing a label keeps the configuration's timing", () => {
		const plan = [...reference(bottling)];
		const before = expectSameAsNaive(bottling, plan).get("build-configurations")?.event;
		const steps = expectSameAsNaive(bottling, [...plan, editGlas({ widthMm: 71 })]);
		expect(steps.get("design-labels")?.done).toBe(false);
		expect(steps.get("build-configurations")?.event).toBe(before);
	});

	test("renaming a configuration an integration feeds breaks the integration; stopping it does not", () => {
		const versand = warehouse.configurations[0]!;
		const rename = planned((state) => ({
			type: "edit-configuration",
			configurationId: configurationId(state, versand.name),
			name: "Versand alt",
			trigger: versand.trigger,
			labelId: labelId(state, versand.label),
		}));
		expect(
			expectSameAsNaive(warehouse, [...reference(warehouse), rename]).get(
				"configure-data-integrations",
			)?.done,
		).toBe(false);
		const stop = planned((state) => ({
			type: "stop-configuration",
			configurationId: configurationId(state, versand.name),
		}));
		const steps = expectSameAsNaive(warehouse, [...reference(warehouse), stop]);
		expect(steps.get("configure-data-integrations")?.done).toBe(true);
		expect(steps.get("build-configurations")?.done).toBe(false);
	});

	test("users: a colleague's roles matter to the users step only; the customer's and the partner's to the handover", () => {
		const tobias = personByKey(bottling, "tobias")!.email;
		const roles = (who: (state: State) => string, r: Action & { type: "set-user-roles" }) =>
			planned((state) => ({ ...r, userId: who(state) }));
		const colleague = roles((state) => userId(state, tobias), {
			type: "set-user-roles",
			userId: "",
			roles: ["author"],
		});
		const customer = roles((state) => userId(state, contactOf(bottling).email), {
			type: "set-user-roles",
			userId: "",
			roles: ["operator"],
		});
		const partner = roles((state) => state.signedInUserId ?? "", {
			type: "set-user-roles",
			userId: "",
			roles: ["author"],
		});
		const rename = planned((state) => ({
			type: "edit-user",
			userId: userId(state, tobias),
			firstName: "T",
			lastName: "K",
		}));
		expect(
			expectSameAsNaive(bottling, [...reference(bottling), colleague]).get("add-users-and-roles")
				?.done,
		).toBe(false);
		const grantOnly = [...reference(bottling)];
		grantOnly.splice(
			grantOnly.length - 1,
			0,
			planned(() => ({
				type: "invite-guest-user",
				firstName: "IT",
				lastName: "Admin",
				email: "it@x.de",
				roles: ["administration"],
			})),
		);
		expect(
			expectSameAsNaive(bottling, [...grantOnly, customer]).get("grant-administration")?.done,
		).toBe(false);
		expect(
			expectSameAsNaive(bottling, [...reference(bottling), partner]).get(
				"step-down-to-service-provider",
			)?.done,
		).toBe(false);
		expectSameAsNaive(bottling, [...reference(bottling), rename, colleague, rename]);
	});

	test("affectedSteps: which steps a change can matter to", () => {
		const events = realise(bottling, reference(bottling));
		let state = startState(bottling);
		for (const e of events) {
			const r = apply(state, e.action, { now: () => e.at });
			if (r.ok) state = r.state;
		}
		const hit = (action: Action) => {
			const r = apply(state, action, { now: () => "2026-01-05T10:00:00.000Z" });
			if (!r.ok) throw new Error(r.refusal.code);
			return affectedSteps(bottling, state, r.state);
		};
		const tobias = userId(state, personByKey(bottling, "tobias")!.email);
		expect(hit({ type: "set-user-roles", userId: tobias, roles: ["author"] })).toEqual([
			"add-users-and-roles",
		]);
		const partner = state.signedInUserId ?? "";
		expect(hit({ type: "edit-user", userId: partner, firstName: "A", lastName: "B" })).toEqual([
			"step-down-to-service-provider",
		]);
		const contact = userId(state, contactOf(bottling).email);
		expect(
			hit({ type: "set-user-roles", userId: contact, roles: ["administration", "approver"] }),
		).toEqual(["invite-guest-user", "grant-administration", "send-invitation"]);
		const resize = hit({
			type: "edit-label",
			labelId: labelId(state, glas.name),
			...glas,
			fields: [...glas.fields],
			widthMm: 80,
		});
		expect(resize).toEqual(["design-labels"]);
		const rename = hit({
			type: "edit-label",
			labelId: labelId(state, glas.name),
			...glas,
			fields: [...glas.fields],
			name: "Neu",
		});
		expect(rename).toEqual(["design-labels", "build-configurations"]);
		const configuration = state.configurations[0]!.id;
		expect(hit({ type: "stop-configuration", configurationId: configuration })).toEqual([
			"build-configurations",
		]);
		const save = hit({ type: "set-notification-recipients", text: contactOf(bottling).email });
		expect(save).toEqual(["send-invitation", "edit-notification-recipients"]);
	});
});
