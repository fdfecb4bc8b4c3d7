import { describe, expect, test } from "vitest";
import {
	conclude,
	createTrace,
	evaluate,
	grade,
	observe,
	stepStatus,
	type Finding,
	type Trace,
} from "../../../src/simulator/grading/index.ts";
import { apply } from "../../../src/simulator/model/apply.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import { realise, startState } from "../../../src/simulator/scenarios/index.ts";
import { indexOf, planned, reference, scenario } from "../support/grading.ts";

/** Drives the grader the way the browser does: one action at a time. */
function session(s: ReturnType<typeof scenario>, events: ReturnType<typeof realise>) {
	let state: State = startState(s);
	let trace: Trace = createTrace(s, state);
	const coached: Finding[][] = [];
	for (const event of events) {
		const result = apply(state, event.action, { now: () => event.at });
		const observation = observe(s, trace, state, event, result);
		trace = observation.trace;
		coached.push([...observation.findings]);
		if (result.ok) state = result.state;
	}
	return { state, trace, coached };
}

describe("incremental grading for the browser", () => {
	const s = scenario("bottling-line", 21);

	test("folding observe and conclude gives exactly the grade", () => {
		const plan = reference(s);
		plan.splice(
			1,
			0,
			planned((st) => ({
				type: "set-user-roles",
				userId: st.signedInUserId ?? "",
				roles: ["author"],
			})),
		);
		const events = realise(s, plan);
		const { state, trace } = session(s, events);
		expect(conclude(s, trace, state, { hintsUsed: 2 })).toEqual(grade(s, events, { hintsUsed: 2 }));
	});

	test("a history mistake is reported at the event that makes it, once", () => {
		const plan = reference(s);
		const early = planned((st) => ({
			type: "set-user-roles" as const,
			userId: st.signedInUserId ?? "",
			roles: ["service-provider" as const],
		}));
		plan.splice(1, 0, early, early);
		const invite = indexOf(s, plan, "invite-guest-user", 1);
		plan.splice(3, 0, ...plan.splice(invite, 1));
		const { coached } = session(s, realise(s, plan));
		expect(coached[1]?.map((f) => f.id)).toEqual(["stepped-down-too-early"]);
		// the same mistake again is not reported twice
		expect(coached[2]).toEqual([]);
		// the invitation moved before the preparation is coached when it happens
		expect(coached[3]?.map((f) => f.id)).toEqual([
			"invited-before-preparation/design-labels",
			"invited-before-preparation/build-configurations",
			"invited-before-preparation/add-users-and-roles",
		]);
	});

	test("evaluate shows what is still missing at any moment", () => {
		const events = realise(s, reference(s));
		const { state } = session(s, events.slice(0, 3));
		const now = evaluate(s, state);
		expect(now.steps).toEqual(stepStatus(s, state));
		expect(now.findings.map((f) => f.rule)).toContain("customer-not-invited");
		expect(now.findings.map((f) => f.rule)).toContain("user-missing");
		expect(evaluate(s, session(s, events).state).findings).toEqual([]);
	});

	test("step timings follow the checks: undone steps lose their time", () => {
		const plan = [
			...reference(s),
			planned((st) => ({
				type: "stop-configuration",
				configurationId: st.configurations[0]?.id ?? "",
			})),
		];
		const { trace } = session(s, realise(s, plan));
		expect(trace.done["build-configurations"]).toBeNull();
		expect(trace.done["design-labels"]).not.toBeNull();
	});
});
