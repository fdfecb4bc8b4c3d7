import { describe, expect, test } from "vitest";
import { scoreBands, stepBars } from "../../../src/server/trainer/charts.ts";
import { stepIds } from "../../../src/simulator/process/steps.ts";

describe("a cohort page's charts", () => {
	test("steps: the least often done first, ties in the procedure's order, none without data", () => {
		const [a, b, c, d] = stepIds as unknown as [string, string, string, string];
		const bars = stepBars(
			[
				{ step: d as never, attempts: 4, done: 2 },
				{ step: a as never, attempts: 4, done: 4 },
				{ step: c as never, attempts: 4, done: 1 },
				{ step: b as never, attempts: 4, done: 2 },
				{ step: stepIds[4]!, attempts: 0, done: 0 },
			],
			stepIds,
		);
		expect(bars.map((x) => [x.step, x.share])).toEqual([
			[c, 0.25],
			[b, 0.5],
			[d, 0.5],
			[a, 1],
		]);
	});

	test("scores: bands of equal width, the last holding the maximum, heights against the fullest", () => {
		const bands = scoreBands([1, 0, 0, 0, 0, 2, 0, 0, 0, 4], 100);
		expect(bands[0]).toEqual({ from: 0, to: 9, count: 1, height: 0.25 });
		expect(bands[5]).toMatchObject({ from: 50, to: 59, height: 0.5 });
		expect(bands[9]).toEqual({ from: 90, to: 100, count: 4, height: 1 });
		expect(scoreBands(Array(10).fill(0), 100).every((b) => b.height === 0)).toBe(true);
	});
});
