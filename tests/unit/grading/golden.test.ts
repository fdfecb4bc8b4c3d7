import { describe, expect, test } from "vitest";
import { grade } from "../../../src/simulator/grading/index.ts";
import { isPhase, stepIds } from "../../../src/simulator/process/steps.ts";
import {
	referenceLog,
	scenarios,
	solve,
	startAt,
	variant,
} from "../../../src/simulator/scenarios/index.ts";

/** Scenarios that start before the order; exercises start from their reference solution. */
const fromScratch = scenarios.filter((s) => s.situation === undefined);

const seeds = Array.from({ length: 50 }, (_, i) => i);

describe("golden: the reference solution scores 100", () => {
	test.each(scenarios)("$id, 50 seeds", (s) => {
		for (const seed of seeds) {
			const result = grade(variant(s, seed), solve(s, seed));
			expect(result.findings, `seed ${seed}`).toEqual([]);
			expect(result.score).toBe(100);
			expect(result.passed).toBe(true);
			expect(result.checksMet).toBe(true);
			expect(result.refusals).toBe(0);
			expect(result.steps.every((step) => step.done)).toBe(true);
		}
	});

	test.each(fromScratch)("$id: each step is done at the last reference event of that step", (s) => {
		const v = variant(s, 5);
		const events = referenceLog(v);
		const result = grade(v, events);
		for (const step of result.steps) {
			if (!step.required) {
				expect(step).toMatchObject({ done: true, at: null, event: null });
				continue;
			}
			if (isPhase(step.id)) continue;
			const last = events
				.map((e) => e.step)
				.lastIndexOf(step.id as (typeof events)[number]["step"]);
			const expected = ["grant-administration", "send-invitation"].includes(step.id)
				? events.findIndex((e) => e.step === "invite-guest-user")
				: last;
			expect(step.event, step.id).toBe(expected);
			expect(step.at).toBe(events[expected]?.at);
		}
		const phase = result.steps.find((st) => st.id === "transfer-ownership");
		expect(phase?.event).toBe(events.findIndex((e) => e.step === "step-down-to-service-provider"));
	});

	test.each(fromScratch)(
		"$id: from every start point the rest of the reference scores 100",
		(s) => {
			for (const seed of [0, 17]) {
				const full = solve(s, seed);
				for (const step of stepIds) {
					const point = startAt(s, seed, step);
					const rest = full.slice(point.prefix.length);
					const result = grade(point.scenario, rest, { start: step });
					expect(result.findings, `${step}`).toEqual([]);
					expect(result.score).toBe(100);
					expect(result.events).toBe(rest.length);
					const before = result.steps.filter((st) => st.done && st.event === null && st.required);
					expect(before.length > 0).toBe(point.prefix.length > 0);
				}
			}
		},
	);
});
