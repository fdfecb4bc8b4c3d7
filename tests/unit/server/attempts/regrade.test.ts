import { describe, expect, test } from "vitest";
import { gradeAttempt } from "../../../../src/simulator/attempt/index.ts";
import { draftOfScenario } from "../../../../src/simulator/scenarios/draft.ts";
import { getScenario, solve } from "../../../../src/simulator/scenarios/index.ts";
import { evaluateAttempt as evaluateIn } from "../../../../src/server/attempts/regrade.ts";
import { SqliteDatabase } from "../../../../src/server/database/sqlite.ts";
import { openDatabase } from "../../../../src/server/database/sqlite-schema.ts";
import { ScenarioStore } from "../../../../src/server/scenarios/store.ts";
import { attempt } from "../support.ts";

const scenarios = new ScenarioStore(new SqliteDatabase(openDatabase(":memory:")));
const evaluateAttempt = (value: unknown) => evaluateIn(value, scenarios);

describe("server-side evaluation of an attempt", () => {
	test("grades from the log alone: a claimed score changes nothing", async () => {
		const honest = await evaluateAttempt(attempt({ hintsUsed: 2, claimedScore: undefined }));
		const forged = await evaluateAttempt(attempt({ hintsUsed: 2, claimedScore: 100 }));
		expect(honest.ok && forged.ok).toBe(true);
		if (!honest.ok || !forged.ok) return;
		expect(forged.grade).toEqual(honest.grade);
		expect(forged.grade.score).toBe(96);
		expect(forged.replayProblem).toBeNull();
	});

	test.each([
		["a missing field", (a: Record<string, unknown>) => ({ ...a, events: undefined }), /^events: /],
		["a wrong type", (a: Record<string, unknown>) => ({ ...a, hintsUsed: "0" }), /^hintsUsed: /],
		["not an object", () => [], /^attempt: /],
	])("refuses %s as an invalid attempt", async (_name, edit, message) => {
		const result = await evaluateAttempt(edit(attempt() as unknown as Record<string, unknown>));
		expect(result).toMatchObject({ ok: false, error: "invalid-attempt" });
		if (!result.ok) expect(result.message).toMatch(message);
	});

	test("refuses an unknown scenario", async () => {
		const result = await evaluateAttempt(
			attempt({ scenario: { id: "moon-base", seed: 1 }, events: [] }),
		);
		expect(result).toMatchObject({ ok: false, error: "unknown-scenario" });
	});

	test("a refused action recorded as accepted does not replay", async () => {
		const a = attempt();
		const events = [...a.events];
		// Ordering the account twice: the second order is refused, but claims "ok".
		events.splice(1, 0, { ...events[0]!, at: events[0]!.at });
		const result = await evaluateAttempt({ ...a, events });
		expect(result.ok && result.replayProblem).toMatch(
			/^events\[1\] \(order-account\) was recorded as "ok" but replays as "account-already-ordered"$/,
		);
	});

	test("the recorded refusal code replays, so an honest refused action is fine", async () => {
		const a = attempt();
		const events = [...a.events];
		events.splice(1, 0, { ...events[0]!, outcome: "account-already-ordered" });
		const result = await evaluateAttempt({ ...a, events });
		expect(result.ok && result.replayProblem).toBeNull();
	});

	test("time running backwards or past the end does not replay", async () => {
		const a = attempt();
		const backwards = [...a.events];
		backwards[2] = { ...backwards[2]!, at: "2026-01-05T07:00:00.000Z" };
		expect(await evaluateAttempt({ ...a, events: backwards })).toMatchObject({
			ok: true,
			replayProblem: "events[2].at is earlier than the event before it",
		});
		expect(
			await evaluateAttempt({ ...a, startedAt: "2026-01-05T09:00:00.000Z", finishedAt: undefined }),
		).toMatchObject({ replayProblem: "events[0].at is earlier than startedAt" });
		expect(await evaluateAttempt({ ...a, finishedAt: "2026-01-05T08:01:00.000Z" })).toMatchObject({
			replayProblem: "events[2].at is after finishedAt",
		});
	});

	test("grades exactly as gradeAttempt does, also from a start point and with hints", async () => {
		const cases = [
			attempt(),
			attempt({ scenario: { id: "multi-site-erp", seed: 5 }, hintsUsed: 3 }),
			attempt({
				scenario: { id: "bottling-line", seed: 9, start: "transfer-ownership" },
				events: [],
			}),
			attempt({ scenario: { id: "warehouse-integrations", seed: 2 } }),
		];
		for (const a of [...cases, ...cases]) {
			const result = await evaluateAttempt(a);
			expect(result.ok && result.grade).toEqual(gradeAttempt(a));
		}
	});
});

describe("an attempt on a trainer's own scenario", () => {
	const texts = { de: { title: "T", summary: "S", brief: "Für {{company}}." } };

	test("is regraded against exactly the version it names, also after a newer one is out", async () => {
		const base = getScenario("first-handover")!;
		const { id } = await scenarios.create(draftOfScenario(base), "own", new Date(), null);
		const v1 = { ...base, id, texts };
		await scenarios.publish(id, v1, 1, new Date());
		// Version 2 wants a second label template: version 1's reference misses it.
		const saved = await scenarios.saveDraft(id, draftOfScenario(base), 1, new Date());
		expect(saved.ok).toBe(true);
		const extra = { ...base.labels[0]!, name: "Zweites Etikett" };
		await scenarios.publish(id, { ...v1, labels: [...base.labels, extra] }, 2, new Date());
		const made = attempt({ scenario: { id, seed: 3, version: 1 }, events: solve(v1, 3) });
		const first = await evaluateAttempt(made);
		expect(first.ok && first.grade.score).toBe(100);
		const asSecond = await evaluateAttempt({ ...made, scenario: { id, seed: 3, version: 2 } });
		expect(asSecond.ok && asSecond.grade.findings.map((f) => f.rule)).toContain("label-missing");
	});

	test("without a version, or with one that was never published, its scenario is unknown", async () => {
		const base = getScenario("first-handover")!;
		const { id } = await scenarios.create(draftOfScenario(base), "own", new Date(), null);
		await scenarios.publish(id, { ...base, id, texts }, 1, new Date());
		for (const scenario of [
			{ id, seed: 3 },
			{ id, seed: 3, version: 2 },
		]) {
			expect(await evaluateAttempt(attempt({ scenario, events: [] }))).toMatchObject({
				ok: false,
				error: "unknown-scenario",
			});
		}
		// A built-in scenario has no versions.
		expect(
			await evaluateAttempt(attempt({ scenario: { id: "first-handover", seed: 3, version: 1 } })),
		).toMatchObject({ ok: false, error: "unknown-scenario" });
	});
});
