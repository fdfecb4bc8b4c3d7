import { cleanStores, keepMount } from "nanostores";
import { setPersistentEngine, type PersistentListener } from "@nanostores/persistent";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import { solve } from "../../../src/simulator/scenarios/solution.ts";
import { ruleOf } from "../../../src/simulator/grading/rubric.ts";
import {
	createSession,
	newUuid,
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

describe("resuming an attempt kept elsewhere (an LMS's saved data)", () => {
	test("the attempt becomes the session's, with its log, and finished only if it was", () => {
		const first = createSession("lms-a", env());
		keepMount(first.$runtime);
		first.start({ scenarioId: "first-handover", seed: 7, mode: "assessment", locale: "de" });
		const reference = solve(getScenario("first-handover")!, 7);
		for (const event of reference.slice(0, 3)) first.dispatch(event.action);
		const kept = JSON.parse(storage[storageKey("lms-a")]!).attempt;
		cleanStores(first.$stored, first.$runtime);

		session = createSession("lms-b", env());
		keepMount(session.$runtime);
		session.resume(kept);
		expect(session.$phase.get().kind).toBe("running");
		expect(session.$runtime.get()!.events).toHaveLength(3);
		for (const event of reference.slice(3)) session.dispatch(event.action);
		expect(session.grade()?.score).toBe(100);
		session.resume({ ...kept, finishedAt: "2026-01-01T01:00:00.000Z" });
		expect(session.$phase.get().kind).toBe("finished");
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

describe("attempt ids on plain http", () => {
	test("without crypto.randomUUID (not a secure context) ids are still random version 4 UUIDs", () => {
		const original = crypto.randomUUID;
		Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
		try {
			const ids = Array.from({ length: 50 }, () => newUuid());
			for (const id of ids) {
				expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
			}
			expect(new Set(ids).size).toBe(ids.length);
		} finally {
			Object.defineProperty(crypto, "randomUUID", { value: original, configurable: true });
		}
	});
});
