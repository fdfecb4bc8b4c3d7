import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { flagsOf, floorMs, humanFloorMs } from "../../../src/simulator/attempt/plausibility.ts";
import { attempt } from "../server/support.ts";

describe("plausibility flags", () => {
	const reference = attempt();
	const floor = humanFloorMs(reference.events.map((e) => e.action));

	test("the floor grows with what has to be typed", () => {
		expect(floor).toBeGreaterThan(reference.events.length * 1500);
		const one = reference.events[0]!.action;
		expect(humanFloorMs([one, one])).toBe(2 * humanFloorMs([one]));
	});

	test("the solver's log keeps the reference's one-minute beat", () => {
		expect(flagsOf(reference, floor, null)).toEqual(["reference-timing"]);
	});

	test("a person's pace raises nothing; too fast and outside the window are flagged", () => {
		const start = Date.parse("2026-11-28T10:00:00.000Z");
		const paced = reference.events.map((e, i) => ({
			...e,
			at: new Date(start + 30_000 + i * 91_000 + (i % 2) * 3_000).toISOString(),
		}));
		const human = {
			...reference,
			startedAt: new Date(start).toISOString(),
			events: paced,
			finishedAt: paced.at(-1)!.at,
		};
		const window = { startedAt: human.startedAt, finishedAt: human.finishedAt };
		expect(flagsOf(human, floor, window)).toEqual([]);
		expect(
			flagsOf(human, floor, { ...window, finishedAt: new Date(start + 5_000).toISOString() }),
		).toEqual(["too-fast", "events-outside-window"]);
	});
});

test("OPERATING.md states the floor's numbers as the code has them", () => {
	const operating = readFileSync(new URL("../../../OPERATING.md", import.meta.url), "utf8");
	const stated = /\(([\d.]+) s an action, (\d+) ms a typed character/.exec(
		operating.replace(/\s+/g, " "),
	);
	expect(stated, "the floor's sentence in OPERATING.md").not.toBeNull();
	expect(Number(stated?.[1]) * 1000).toBe(floorMs.action);
	expect(Number(stated?.[2])).toBe(floorMs.character);
});
