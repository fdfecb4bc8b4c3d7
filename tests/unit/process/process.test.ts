import { describe, expect, test } from "vitest";
import { replay } from "../../../src/simulator/model/replay.ts";
import {
	guideHref,
	isRequired,
	leafStepIds,
	leavesOf,
	mustPrecede,
	parentOf,
	phaseSteps,
	precedence,
	prerequisites,
	stepChecks,
	stepIds,
	stepRank,
	stepStatus,
} from "../../../src/simulator/process/index.ts";
import {
	getScenario,
	referenceLog,
	startState,
	variant,
} from "../../../src/simulator/scenarios/index.ts";

const firstHandover = variant(getScenario("first-handover")!, 0);
const multiSite = variant(getScenario("multi-site-erp")!, 7);

describe("the procedure as data", () => {
	test("exactly the stable step ids of the domain brief, in its order", () => {
		expect(stepIds).toEqual([
			"order-account",
			"prepare-environment",
			"design-labels",
			"build-configurations",
			"configure-data-integrations",
			"add-users-and-roles",
			"transfer-ownership",
			"invite-guest-user",
			"grant-administration",
			"send-invitation",
			"step-down-to-service-provider",
			"set-up-notifications",
			"edit-notification-recipients",
		]);
	});

	test("three phases group every step but the order", () => {
		const grouped = Object.values(phaseSteps).flat();
		expect(new Set(grouped).size).toBe(grouped.length);
		expect([...grouped, "order-account"].sort()).toEqual([...leafStepIds].sort());
		expect(parentOf("send-invitation")).toBe("transfer-ownership");
		expect(parentOf("order-account")).toBeNull();
		expect(leavesOf("set-up-notifications")).toEqual(["edit-notification-recipients"]);
		expect(leavesOf("design-labels")).toEqual(["design-labels"]);
	});

	test("the documented sequence is a linear extension of the partial order", () => {
		for (const [before, after] of precedence) {
			expect(stepRank(before), `${before} -> ${after}`).toBeLessThan(stepRank(after));
		}
	});

	test("the partial order: preparation before the invitation, customer Administration before stepping down", () => {
		expect(prerequisites("add-users-and-roles")).toEqual(["order-account"]);
		expect(prerequisites("build-configurations")).toEqual(["order-account", "design-labels"]);
		expect(prerequisites("transfer-ownership")).toEqual([
			"order-account",
			"design-labels",
			"build-configurations",
			"configure-data-integrations",
			"add-users-and-roles",
		]);
		expect(prerequisites("step-down-to-service-provider")).toContain("grant-administration");
		expect(mustPrecede("prepare-environment", "send-invitation")).toBe(true);
		expect(mustPrecede("grant-administration", "step-down-to-service-provider")).toBe(true);
		expect(mustPrecede("transfer-ownership", "set-up-notifications")).toBe(true);
		// labels and users are independent of each other
		expect(mustPrecede("design-labels", "add-users-and-roles")).toBe(false);
		expect(mustPrecede("add-users-and-roles", "design-labels")).toBe(false);
	});

	test("each step links to its anchor on the guide page", () => {
		expect(guideHref("de", "order-account")).toBe("/de/staging/#order-account");
		expect(guideHref("en", "step-down-to-service-provider")).toBe(
			"/en/staging/#step-down-to-service-provider",
		);
	});
});

describe("end-state checks and the checklist", () => {
	test("a step is required only if the scenario asks for something", () => {
		expect(isRequired(firstHandover, "design-labels")).toBe(true);
		expect(isRequired(firstHandover, "build-configurations")).toBe(false);
		expect(isRequired(firstHandover, "add-users-and-roles")).toBe(false);
		expect(isRequired(firstHandover, "prepare-environment")).toBe(true);
		for (const id of stepIds) expect(isRequired(multiSite, id)).toBe(true);
	});

	test("before the order only the steps with nothing to do are done", () => {
		const steps = stepStatus(firstHandover, startState(firstHandover));
		expect(steps.filter((s) => s.done).map((s) => s.id)).toEqual([
			"build-configurations",
			"configure-data-integrations",
			"add-users-and-roles",
		]);
		expect(steps.filter((s) => s.done).every((s) => !s.required)).toBe(true);
	});

	test.each([firstHandover, multiSite])("$id: each reference event completes its step", (s) => {
		const events = referenceLog(s);
		events.forEach((event, i) => {
			const state = replay(startState(s), events.slice(0, i + 1)).state;
			const isLastOfStep = !events.slice(i + 1).some((e) => e.step === event.step);
			if (isLastOfStep) expect(stepChecks[event.step](s, state), event.step).toBe(true);
			else expect(stepChecks[event.step](s, state), event.step).toBe(false);
		});
		const final = replay(startState(s), events).state;
		expect(stepStatus(s, final).every((step) => step.done)).toBe(true);
	});
});
