import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Attempt } from "../../../src/simulator/attempt/schema.ts";
import {
	grade,
	passMark,
	rubric,
	ruleOf,
	traceStatus,
} from "../../../src/simulator/grading/index.ts";
import type { Action } from "../../../src/simulator/model/actions.ts";
import { phaseSteps, stepIds, type StepId } from "../../../src/simulator/process/steps.ts";
import {
	contactOf,
	getScenario,
	referenceStart,
	solve,
	startAt,
	variant,
} from "../../../src/simulator/scenarios/index.ts";
import { act, buildRuntime, currentGrade } from "../../../src/simulator/grading/incremental.ts";
import { scenario } from "../support/grading.ts";

/** Feedback that never lies, and exercises graded by the grader (fair-assessment issue). */

const at = (i: number) => new Date(referenceStart + i * 60_000).toISOString();

function attempt(id: string, seed: number, start: StepId | undefined, actions: Action[]): Attempt {
	return {
		id: "a-1",
		scenario: { id, seed, ...(start ? { start } : {}) },
		locale: "de",
		mode: "practice",
		startedAt: at(0),
		appVersion: "test",
		hintsUsed: 0,
		events: actions.map((action, i) => ({ at: at(i + 1), action })),
	};
}

describe("the coach reports every finding an action causes", () => {
	test("ordering with the customer's address is a critical finding at once", () => {
		const s = variant(getScenario("first-handover")!, 4);
		const start = buildRuntime(attempt("first-handover", 4, undefined, []))!;
		const order = solve(getScenario("first-handover")!, 4)[0]!.action as Extract<
			Action,
			{ type: "order-account" }
		>;
		const outcome = act(start, { ...order, contactEmail: contactOf(s).email }, at(1));
		expect(outcome.result.ok).toBe(true);
		expect(outcome.findings.map((f) => [f.rule, f.severity])).toContainEqual([
			"order-foreign-address",
			"critical",
		]);
	});

	test("a correct order causes no finding", () => {
		const reference = solve(getScenario("bottling-line")!, 2);
		const start = buildRuntime(attempt("bottling-line", 2, undefined, []))!;
		expect(act(start, reference[0]!.action, at(1)).findings).toEqual([]);
	});

	test("a label made with the wrong printer is pointed out with expected and actual", () => {
		const s = scenario("bottling-line", 2);
		const reference = solve(getScenario("bottling-line")!, 2);
		const runtime = buildRuntime(attempt("bottling-line", 2, undefined, [reference[0]!.action]))!;
		const label = s.labels[0]!;
		const outcome = act(
			runtime,
			{ type: "create-label", ...label, fields: [...label.fields], printer: "Zebra ZT411 Versand" },
			at(2),
		);
		expect(outcome.findings).toHaveLength(1);
		expect(outcome.findings[0]).toMatchObject({
			rule: "label-wrong",
			differences: [
				{ aspect: "printer", expected: [label.printer], actual: ["Zebra ZT411 Versand"] },
			],
		});
		// The second, still missing label is not a mistake yet, so the coach does not mention it.
		expect(outcome.findings.some((f) => f.rule === "label-missing")).toBe(false);
	});

	test("saving the recipients with your own address still in them is pointed out", () => {
		const reference = solve(getScenario("first-handover")!, 5);
		const s = scenario("first-handover", 5);
		const runtime = buildRuntime(
			attempt(
				"first-handover",
				5,
				undefined,
				reference.slice(0, -1).map((e) => e.action),
			),
		)!;
		const outcome = act(
			runtime,
			{ type: "set-notification-recipients", text: `${contactOf(s).email}\n${s.partner.email}` },
			at(20),
		);
		expect(outcome.findings.map((f) => f.rule)).toEqual(["recipients-include-partner"]);
	});
});

describe("the checklist ticks only what the trainee did", () => {
	test("ordering with the customer's address does not tick the notifications", () => {
		const s = variant(getScenario("first-handover")!, 4);
		const order = solve(getScenario("first-handover")!, 4)[0]!.action as Extract<
			Action,
			{ type: "order-account" }
		>;
		const runtime = buildRuntime(
			attempt("first-handover", 4, undefined, [{ ...order, contactEmail: contactOf(s).email }]),
		)!;
		const done = new Map(traceStatus(s, runtime.trace).map((step) => [step.id, step.done]));
		expect(done.get("edit-notification-recipients")).toBe(false);
		expect(done.get("set-up-notifications")).toBe(false);
		expect(
			grade(s, runtime.events).steps.find((st) => st.id === "set-up-notifications")?.done,
		).toBe(false);
	});

	test("the reference solution ticks every step", () => {
		const s = variant(getScenario("multi-site-erp")!, 9);
		const runtime = buildRuntime(
			attempt(
				"multi-site-erp",
				9,
				undefined,
				solve(getScenario("multi-site-erp")!, 9).map((e) => e.action),
			),
		)!;
		expect(traceStatus(s, runtime.trace).every((step) => step.done)).toBe(true);
	});
});

describe("one-step exercises are graded by the grader", () => {
	const handover = "transfer-ownership" as const;

	test("three wrong invitations then a correct handover: the rubric's cap applies (70, as in full grading)", () => {
		const s = scenario("first-handover", 6);
		const contact = contactOf(s);
		const wrong = (n: number): Action => ({
			type: "invite-guest-user",
			firstName: contact.firstName,
			lastName: contact.lastName,
			email: `typo${n}.${contact.email}`,
			roles: ["administration"],
		});
		const rest = solve(getScenario("first-handover")!, 6)
			.map((e) => e.action)
			.filter((a) => a.type === "invite-guest-user" || a.type === "set-user-roles");
		const exercise = attempt("first-handover", 6, handover, [
			wrong(1),
			wrong(2),
			wrong(3),
			...rest,
		]);
		const result = currentGrade(buildRuntime(exercise)!, exercise);
		const cap = ruleOf("invited-wrong-address").cap;
		expect(result.score).toBe(100 - cap);
		expect(result.score).toBe(70);
		expect(result.passed).toBe(result.score >= passMark);
		expect(result.steps.map((st) => st.id)).toEqual([handover, ...phaseSteps[handover]]);
	});

	test("for random logs the exercise's result equals the grader's with the same focus", () => {
		const ids = ["first-handover", "bottling-line", "warehouse-integrations", "multi-site-erp"];
		const starts = stepIds.filter((id) => id !== "order-account");
		fc.assert(
			fc.property(
				fc.constantFrom(...ids),
				fc.nat({ max: 500 }),
				fc.constantFrom(...starts),
				fc.array(fc.nat({ max: 1000 }), { maxLength: 12 }),
				fc.nat({ max: 6 }),
				(id, seed, start, picks, hintsUsed) => {
					const base = getScenario(id)!;
					const point = startAt(base, seed, start);
					// Actions from the reference, some broken, in a random order.
					const pool = solve(base, seed).map((e) => e.action);
					const actions = picks.map((n) => {
						const action = pool[n % pool.length]!;
						if (n % 3 === 0 && action.type === "create-label") return { ...action, widthMm: 11 };
						if (n % 5 === 0 && action.type === "invite-guest-user")
							return { ...action, email: `x${action.email}` };
						if (n % 7 === 0 && action.type === "set-user-roles")
							return { ...action, roles: ["author" as const] };
						return action;
					});
					const exercise = { ...attempt(id, seed, start, actions), hintsUsed };
					const shown = currentGrade(buildRuntime(exercise)!, exercise);
					const graded = grade(point.scenario, exercise.events, {
						start,
						focus: start,
						hintsUsed,
					});
					expect(shown).toEqual(graded);
					for (const d of shown.deductions) {
						expect(d.points).toBeLessThanOrEqual(rubric.find((r) => r.id === d.rule)!.cap);
					}
					const critical = shown.findings.some((f) => f.severity === "critical");
					expect(shown.passed).toBe(!critical && shown.checksMet && shown.score >= passMark);
				},
			),
			{ numRuns: 150 },
		);
	});
});

describe("findings point at the action that caused them", () => {
	test("an end-state finding links the last action on its item, not a later unrelated one", () => {
		const s = scenario("bottling-line", 2);
		const events = solve(getScenario("bottling-line")!, 2);
		const wrong = events.map((e, i) =>
			i === 1 && e.action.type === "create-label"
				? { ...e, action: { ...e.action, printer: "Zebra ZT411 Versand" } }
				: e,
		);
		const result = grade(s, wrong);
		const finding = result.findings.find((f) => f.rule === "label-wrong");
		expect(finding?.event).toBe(1);
		// Nothing ordered: the finding about the order has no action to point at.
		expect(grade(s, []).findings[0]?.event).toBeNull();
	});
});
