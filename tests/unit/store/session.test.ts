import { cleanStores, keepMount } from "nanostores";
import { setPersistentEngine, type PersistentListener } from "@nanostores/persistent";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import { solve } from "../../../src/simulator/scenarios/solution.ts";
import { ruleOf } from "../../../src/simulator/grading/rubric.ts";
import {
	createSession,
	storageKey,
	type SessionEnv,
} from "../../../src/simulator/store/session.ts";

let storage: Record<string, string> = {};
const listeners: PersistentListener[] = [];

beforeEach(() => {
	storage = {};
	setPersistentEngine(storage, {
		addEventListener: (_key, callback) => listeners.push(callback),
		removeEventListener: () => {},
	});
});

function env(): SessionEnv {
	let clock = Date.UTC(2026, 0, 1);
	let ids = 0;
	return {
		now: () => new Date((clock += 1000)).toISOString(),
		newAttemptId: () => `attempt-${++ids}`,
	};
}

let session: ReturnType<typeof createSession>;
afterEach(() => cleanStores(session.$stored, session.$runtime));

describe("the browser session", () => {
	test("every dispatched action is kept in the stored log, in order", () => {
		session = createSession("t1", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 7, mode: "practice", locale: "de" });
		const reference = solve(getScenario("first-handover")!, 7);
		for (const event of reference) expect(session.dispatch(event.action)?.ok).toBe(true);
		const stored = JSON.parse(storage[storageKey("t1")]!);
		expect(stored.attempt.events.map((e: { action: unknown }) => e.action)).toEqual(
			reference.map((e) => e.action),
		);
		expect(session.grade()?.score).toBe(100);
	});
});

describe("hints", () => {
	test("a hint costs the rubric's points once per step; seeing it again is free", () => {
		session = createSession("hints", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 7, mode: "practice", locale: "de" });
		session.useHint("order-account");
		session.useHint("order-account");
		const reference = solve(getScenario("first-handover")!, 7);
		for (const event of reference) session.dispatch(event.action);
		const stored = JSON.parse(storage[storageKey("hints")]!);
		expect(stored.attempt.hintsUsed).toBe(1);
		expect(stored.hinted).toEqual(["order-account"]);
		const points = ruleOf("hints-used").points;
		expect(session.grade()?.score).toBe(100 - points);
		expect(session.grade()?.score).toBe(98);
		session.useHint("design-labels");
		expect(session.grade()?.score).toBe(100 - 2 * points);
	});
});

describe("stepping a demo back", () => {
	test("a demo takes back its last action, and the model follows", () => {
		session = createSession("back-1", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 3, mode: "demo", locale: "en" });
		const log = solve(getScenario("first-handover")!, 3);
		session.dispatch(log[0]!.action);
		session.dispatch(log[1]!.action);
		expect(session.$runtime.get()!.state.labels).toHaveLength(1);
		session.stepBack();
		expect(session.$runtime.get()!.events).toHaveLength(1);
		expect(session.$runtime.get()!.state.labels).toHaveLength(0);
		session.stepBack();
		session.stepBack();
		expect(session.$runtime.get()!.events).toHaveLength(0);
		expect(session.$runtime.get()!.state.account).toBeNull();
	});

	test("a trainee's own log is never shortened, nor a finished demo's", () => {
		for (const mode of ["practice", "assessment"] as const) {
			session = createSession(`back-${mode}`, env());
			keepMount(session.$runtime);
			session.start({ scenarioId: "first-handover", seed: 3, mode, locale: "en" });
			session.dispatch(solve(getScenario("first-handover")!, 3)[0]!.action);
			session.stepBack();
			expect(session.$runtime.get()!.events).toHaveLength(1);
			cleanStores(session.$stored, session.$runtime);
		}
		session = createSession("back-finished", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 3, mode: "demo", locale: "en" });
		session.dispatch(solve(getScenario("first-handover")!, 3)[0]!.action);
		session.finish();
		session.stepBack();
		expect(session.$runtime.get()!.events).toHaveLength(1);
	});
});
