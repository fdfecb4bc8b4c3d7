import { describe, expect, test } from "vitest";
import { getScenario } from "../../../../src/simulator/scenarios/registry.ts";
import { solve } from "../../../../src/simulator/scenarios/solution.ts";
import { phaseOf } from "../../../../src/simulator/store/session/phase.ts";
import { buildRuntime } from "../../../../src/simulator/grading/incremental.ts";
import type { SavedSession } from "../../../../src/simulator/store/session/saved.ts";

/** One session state machine for the practice page and the exercises. */

function stored(scenarioId: string, finished: boolean): SavedSession {
	return {
		v: 1,
		finished,
		attempt: {
			id: "a-1",
			scenario: { id: scenarioId, seed: 3 },
			locale: "de",
			mode: "practice",
			startedAt: "2026-01-05T08:00:00.000Z",
			appVersion: "test",
			hintsUsed: 0,
			events: scenarioId === "first-handover" ? solve(getScenario(scenarioId)!, 3) : [],
		},
	};
}

describe("session phases", () => {
	test("nothing stored is idle; unreadable data is corrupt with its reason", () => {
		expect(phaseOf({ kind: "none" }, undefined)).toEqual({ kind: "idle" });
		expect(phaseOf({ kind: "corrupt", reason: "outdated" }, undefined)).toEqual({
			kind: "corrupt",
			reason: "outdated",
		});
		expect(phaseOf({ kind: "corrupt", reason: "invalid" }, undefined)).toEqual({
			kind: "corrupt",
			reason: "invalid",
		});
	});

	test("a readable attempt of a scenario that no longer exists is orphaned, not an error", () => {
		const session = stored("no-such-scenario", false);
		const runtime = buildRuntime(session.attempt);
		expect(runtime).toBeUndefined();
		expect(phaseOf({ kind: "ok", session }, runtime)).toEqual({ kind: "orphaned" });
	});

	test("an attempt is running until it is finished", () => {
		const open = stored("first-handover", false);
		const runtime = buildRuntime(open.attempt)!;
		expect(phaseOf({ kind: "ok", session: open }, runtime)).toMatchObject({ kind: "running" });
		const done = { ...open, finished: true };
		expect(phaseOf({ kind: "ok", session: done }, runtime)).toMatchObject({
			kind: "finished",
			session: done,
		});
	});
});
