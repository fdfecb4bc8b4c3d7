import { describe, expect, test } from "vitest";
import { createDemoScheduler } from "../../../../src/simulator/ui/demo/scheduler.ts";
import type { Pace } from "../../../../src/simulator/ui/demo/timing.ts";

/**
 * A demo of `total` actions with no screen: each action is three gestures ("open", "type",
 * "press") after a wait each, and enters the log at "press", followed by a wait for the screen's
 * answer, as the player's click does. The clock only moves when the test calls `tick`.
 */
function harness(total = 3) {
	const trace: string[] = [];
	const log: number[] = [];
	const timers: { ms: number; resolve: () => void }[] = [];
	const errors: unknown[] = [];
	let pace: Pace = "normal";
	let failAt: number | undefined;
	const demo = createDemoScheduler({
		total,
		done: () => log.length,
		show: async (index, wait) => {
			for (const gesture of ["open", "type", "press"]) {
				await wait(100);
				if (index === failAt) throw new Error("no such button");
				trace.push(`${index} ${gesture}`);
				if (gesture === "press") log.push(index);
			}
			await wait(600);
		},
		abandon: () => trace.push("abandon"),
		takeBack: () => trace.push(`take back ${log.pop()}`),
		sleep: (ms) => new Promise<void>((resolve) => timers.push({ ms, resolve })),
		pace: () => pace,
		report: (error) => errors.push(error),
	});

	let ended = false;
	/** Every promise that can settle without the clock has settled. */
	const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
	/** The earliest timer fires. */
	const tick = async () => {
		const timer = timers.shift();
		if (!timer) throw new Error("nothing waits on the clock");
		timer.resolve();
		await settle();
	};
	/** The clock runs until the trace has `entry`. */
	const until = async (entry: string) => {
		while (!trace.includes(entry)) await tick();
	};
	return {
		demo,
		trace,
		log,
		timers,
		errors,
		ended: () => ended,
		setPace: (p: Pace) => (pace = p),
		failAt: (index: number) => (failAt = index),
		start: async () => {
			void demo.run().then(() => (ended = true));
			await settle();
		},
		settle,
		tick,
		until,
		/** Runs the clock dry: what happens with no one touching the controls. */
		drain: async () => {
			while (timers.length > 0) await tick();
		},
	};
}

const action = (index: number) => [`${index} open`, `${index} type`, `${index} press`];

describe("the demo's scheduler", () => {
	test("plays every action in order and stops playing at the end", async () => {
		const h = harness();
		await h.start();
		expect(h.demo.playing()).toBe(true);
		await h.drain();
		expect(h.trace).toEqual([...action(0), ...action(1), ...action(2)]);
		expect(h.log).toEqual([0, 1, 2]);
		expect(h.demo.playing()).toBe(false);
		expect(h.demo.acting()).toBeUndefined();
		expect(h.ended()).toBe(false);
	});

	test("names the action under way while its gestures run", async () => {
		const h = harness();
		await h.start();
		await h.until("1 open");
		expect(h.demo.acting()).toBe(1);
	});

	test("pause lets the gesture under way finish and holds at the next wait; Play goes on", async () => {
		const h = harness();
		await h.start();
		await h.until("0 type");
		h.demo.toggle();
		expect(h.demo.playing()).toBe(false);
		// The wait before "press" had begun; it ends, and the press is held.
		await h.drain();
		expect(h.trace).toEqual(["0 open", "0 type"]);
		expect(h.log).toEqual([]);
		h.demo.toggle();
		await h.settle();
		expect(h.trace.at(-1)).toBe("0 press");
		await h.drain();
		expect(h.log).toEqual([0, 1, 2]);
	});

	test("Next while paused shows exactly one action, then holds again", async () => {
		const h = harness();
		await h.start();
		h.demo.toggle();
		await h.drain();
		expect(h.trace).toEqual([]);
		h.demo.next();
		await h.settle();
		await h.drain();
		expect(h.trace).toEqual(action(0));
		expect(h.demo.playing()).toBe(false);
		expect(h.demo.acting()).toBeUndefined();
		h.demo.next();
		await h.settle();
		await h.drain();
		expect(h.trace).toEqual([...action(0), ...action(1)]);
		expect(h.log).toEqual([0, 1]);
	});

	test("Next while playing lets the action under way finish, then pauses", async () => {
		const h = harness();
		await h.start();
		await h.until("0 open");
		h.demo.next();
		await h.drain();
		expect(h.log).toEqual([0]);
		expect(h.demo.playing()).toBe(false);
	});

	test("Play while the action Next showed still finishes keeps playing to the end", async () => {
		const h = harness();
		await h.start();
		h.demo.toggle();
		await h.drain();
		h.demo.next();
		await h.settle();
		// The action is in the log; the screen's answer is still being waited for.
		await h.until("0 press");
		expect(h.demo.acting()).toBe(0);
		h.demo.toggle();
		await h.drain();
		expect(h.log).toEqual([0, 1, 2]);
	});

	test("Back during an action half shown stops it for good and abandons it", async () => {
		const h = harness();
		await h.start();
		await h.until("1 open");
		h.demo.back();
		expect(h.demo.playing()).toBe(false);
		expect(h.demo.acting()).toBeUndefined();
		// The wait under way ends, but the stopped action does nothing more.
		await h.drain();
		expect(h.trace).toEqual([...action(0), "1 open", "abandon"]);
		expect(h.log).toEqual([0]);
		// Next shows it again from its first gesture.
		h.demo.next();
		await h.settle();
		await h.drain();
		expect(h.trace.slice(-3)).toEqual(action(1));
		expect(h.log).toEqual([0, 1]);
	});

	test("Back once a running action is in the log takes it back", async () => {
		const h = harness();
		await h.start();
		await h.until("1 press");
		expect(h.demo.acting()).toBe(1);
		h.demo.back();
		await h.drain();
		expect(h.trace.slice(-2)).toEqual(["abandon", "take back 1"]);
		expect(h.log).toEqual([0]);
		expect(h.demo.playing()).toBe(false);
	});

	test("Back between actions takes the last one back, once per press", async () => {
		const h = harness();
		await h.start();
		await h.drain();
		h.demo.back();
		h.demo.back();
		await h.drain();
		expect(h.log).toEqual([0]);
		expect(h.trace.filter((e) => e.startsWith("take back"))).toEqual([
			"take back 2",
			"take back 1",
		]);
		// Play from there plays the rest again.
		h.demo.toggle();
		await h.settle();
		await h.drain();
		expect(h.log).toEqual([0, 1, 2]);
	});

	test("every wait is scaled by the pace at the moment it starts", async () => {
		const h = harness();
		h.setPace("slow");
		await h.start();
		expect(h.timers.map((t) => t.ms)).toEqual([160]);
		h.setPace("fast");
		await h.tick();
		expect(h.timers.map((t) => t.ms)).toEqual([30]);
	});

	test("dispose ends a paused loop at once", async () => {
		const h = harness();
		await h.start();
		h.demo.toggle();
		await h.drain();
		expect(h.ended()).toBe(false);
		h.demo.dispose();
		await h.settle();
		expect(h.ended()).toBe(true);
	});

	test("dispose ends a playing loop at its next wait, before anything more is shown", async () => {
		const h = harness();
		await h.start();
		await h.until("0 open");
		h.demo.dispose();
		await h.drain();
		expect(h.ended()).toBe(true);
		expect(h.trace).toEqual(["0 open"]);
	});

	test("an action that fails stops the demo for good and is reported", async () => {
		const h = harness();
		h.failAt(1);
		await h.start();
		await h.drain();
		expect(h.log).toEqual([0]);
		expect(h.errors).toEqual([new Error("no such button")]);
		expect(h.demo.broken()).toBe(true);
		expect(h.demo.playing()).toBe(false);
		expect(h.demo.acting()).toBeUndefined();
		expect(h.ended()).toBe(true);
	});
});
