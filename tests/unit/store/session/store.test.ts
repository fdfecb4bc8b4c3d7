import { cleanStores, keepMount } from "nanostores";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getScenario } from "../../../../src/simulator/scenarios/registry.ts";
import { solve } from "../../../../src/simulator/scenarios/solution.ts";
import { ruleOf } from "../../../../src/simulator/grading/rubric.ts";
import type { SessionEnv } from "../../../../src/simulator/store/session/store.ts";
import {
	createSession as createSessionIn,
	newUuid,
	type SessionOptions,
} from "../../../../src/simulator/store/session/store.ts";
import { sessionKey } from "../../../../src/simulator/store/session/key.ts";
import { savedSessionVersion } from "../../../../src/simulator/store/session/saved.ts";
import {
	memoryStorage,
	type SessionStorage,
} from "../../../../src/simulator/store/session/storage.ts";

/** A storage whose texts the test reads, and whose "other tab" the test can play. */
function tabStorage() {
	const texts: Record<string, string> = {};
	const watchers = new Map<string, (text: string | undefined) => void>();
	const storage: SessionStorage = {
		read: (key) => texts[key],
		write(key, text) {
			if (text === undefined) delete texts[key];
			else texts[key] = text;
		},
		watch(key, changed) {
			watchers.set(key, changed);
			return () => watchers.delete(key);
		},
	};
	/** Another tab writes `text` under `key`. */
	const otherTab = (key: string, text: string | undefined) => {
		storage.write(key, text);
		watchers.get(key)?.(text);
	};
	return { texts, storage, otherTab };
}

let storage: Record<string, string> = {};
let tabs = tabStorage();
beforeEach(() => {
	tabs = tabStorage();
	storage = tabs.texts;
});

const createSession = (name: string, env?: SessionEnv, options: SessionOptions = {}) =>
	createSessionIn(name, { env, storage: tabs.storage, ...options });

function env(): SessionEnv {
	let clock = Date.UTC(2026, 0, 1);
	let ids = 0;
	return {
		now: () => new Date((clock += 1000)).toISOString(),
		newAttemptId: () => `attempt-${++ids}`,
	};
}

let session: ReturnType<typeof createSession>;
afterEach(() => cleanStores(session.$saved, session.$runtime));

describe("the browser session", () => {
	test("every dispatched action is kept in the stored log, in order", () => {
		session = createSession("t1", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 7, mode: "practice", locale: "de" });
		const reference = solve(getScenario("first-handover")!, 7);
		for (const event of reference) expect(session.dispatch(event.action)?.ok).toBe(true);
		const stored = JSON.parse(storage[sessionKey("t1")]!);
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
		const kept = JSON.parse(storage[sessionKey("lms-a")]!).attempt;
		cleanStores(first.$saved, first.$runtime);

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
		const stored = JSON.parse(storage[sessionKey("hints")]!);
		expect(stored.attempt.hintsUsed).toBe(1);
		expect(stored.hinted).toEqual(["order-account"]);
		const points = ruleOf("hints-used").points;
		expect(session.grade()?.score).toBe(100 - points);
		expect(session.grade()?.score).toBe(98);
		session.useHint("design-labels");
		expect(session.grade()?.score).toBe(100 - 2 * points);
	});
});

describe("taking a demo action back", () => {
	test("a demo takes back its last action, and the model follows", () => {
		session = createSession("back-1", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 3, mode: "demo", locale: "en" });
		const log = solve(getScenario("first-handover")!, 3);
		session.dispatch(log[0]!.action);
		session.dispatch(log[1]!.action);
		expect(session.$runtime.get()!.state.labels).toHaveLength(1);
		session.takeBack();
		expect(session.$runtime.get()!.events).toHaveLength(1);
		expect(session.$runtime.get()!.state.labels).toHaveLength(0);
		session.takeBack();
		session.takeBack();
		expect(session.$runtime.get()!.events).toHaveLength(0);
		expect(session.$runtime.get()!.state.account).toBeNull();
	});

	test("a trainee's own log is never shortened, nor a finished demo's", () => {
		for (const mode of ["practice", "assessment"] as const) {
			session = createSession(`back-${mode}`, env());
			keepMount(session.$runtime);
			session.start({ scenarioId: "first-handover", seed: 3, mode, locale: "en" });
			session.dispatch(solve(getScenario("first-handover")!, 3)[0]!.action);
			session.takeBack();
			expect(session.$runtime.get()!.events).toHaveLength(1);
			cleanStores(session.$saved, session.$runtime);
		}
		session = createSession("back-finished", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 3, mode: "demo", locale: "en" });
		session.dispatch(solve(getScenario("first-handover")!, 3)[0]!.action);
		session.finish();
		session.takeBack();
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

describe("where a session is kept", () => {
	test("the saved form carries its version and follows every change", () => {
		session = createSession("kept", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 7, mode: "practice", locale: "de" });
		const saved = JSON.parse(storage[sessionKey("kept")]!);
		expect(saved.v).toBe(savedSessionVersion);
		session.reset();
		expect(storage[sessionKey("kept")]).toBeUndefined();
	});

	test("a session in memory leaves the page's other storage untouched", () => {
		session = createSession("replay-x", env(), { storage: memoryStorage() });
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 7, mode: "practice", locale: "de" });
		session.dispatch(solve(getScenario("first-handover")!, 7)[0]!.action);
		expect(session.$runtime.get()!.events).toHaveLength(1);
		expect(storage).toEqual({});
	});

	test("another tab's newer log is followed at once, and a cleared one ends the session", () => {
		session = createSession("tabs", env());
		keepMount(session.$runtime);
		session.start({ scenarioId: "first-handover", seed: 7, mode: "practice", locale: "de" });
		const reference = solve(getScenario("first-handover")!, 7);
		const saved = JSON.parse(storage[sessionKey("tabs")]!);
		const newer = {
			...saved,
			attempt: { ...saved.attempt, events: reference.slice(0, 2) },
		};
		tabs.otherTab(sessionKey("tabs"), JSON.stringify(newer));
		expect(session.$runtime.get()!.events).toHaveLength(2);
		tabs.otherTab(sessionKey("tabs"), undefined);
		expect(session.$phase.get().kind).toBe("idle");
	});

	test("data another release wrote is reported as outdated, never half-loaded", () => {
		tabs.storage.write(sessionKey("old"), JSON.stringify({ v: savedSessionVersion + 1 }));
		session = createSession("old", env());
		keepMount(session.$phase);
		expect(session.$phase.get()).toEqual({ kind: "corrupt", reason: "outdated" });
	});
});
