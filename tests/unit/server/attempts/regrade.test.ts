import { describe, expect, test } from "vitest";
import { gradeAttempt } from "../../../../src/simulator/attempt/index.ts";
import { evaluateAttempt } from "../../../../src/server/attempts/regrade.ts";
import { attempt } from "../support.ts";

describe("server-side evaluation of an attempt", () => {
	test("grades from the log alone: a claimed score changes nothing", () => {
		const honest = evaluateAttempt(attempt({ hintsUsed: 2, claimedScore: undefined }));
		const forged = evaluateAttempt(attempt({ hintsUsed: 2, claimedScore: 100 }));
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
	])("refuses %s as an invalid attempt", (_name, edit, message) => {
		const result = evaluateAttempt(edit(attempt() as unknown as Record<string, unknown>));
		expect(result).toMatchObject({ ok: false, error: "invalid-attempt" });
		if (!result.ok) expect(result.message).toMatch(message);
	});

	test("refuses an unknown scenario", () => {
		const result = evaluateAttempt(attempt({ scenario: { id: "moon-base", seed: 1 }, events: [] }));
		expect(result).toMatchObject({ ok: false, error: "unknown-scenario" });
	});

	test("a refused action recorded as accepted does not replay", () => {
		const a = attempt();
		const events = [...a.events];
		// Ordering the account twice: the second order is refused, but claims "ok".
		events.splice(1, 0, { ...events[0]!, at: events[0]!.at });
		const result = evaluateAttempt({ ...a, events });
		expect(result.ok && result.replayProblem).toMatch(
			/^events\[1\] \(order-account\) was recorded as "ok" but replays as "account-already-ordered"$/,
		);
	});

	test("the recorded refusal code replays, so an honest refused action is fine", () => {
		const a = attempt();
		const events = [...a.events];
		events.splice(1, 0, { ...events[0]!, outcome: "account-already-ordered" });
		const result = evaluateAttempt({ ...a, events });
		expect(result.ok && result.replayProblem).toBeNull();
	});

	test("time running backwards or past the end does not replay", () => {
		const a = attempt();
		const backwards = [...a.events];
		backwards[2] = { ...backwards[2]!, at: "2026-01-05T07:00:00.000Z" };
		expect(evaluateAttempt({ ...a, events: backwards })).toMatchObject({
			ok: true,
			replayProblem: "events[2].at is earlier than the event before it",
		});
		expect(
			evaluateAttempt({ ...a, startedAt: "2026-01-05T09:00:00.000Z", finishedAt: undefined }),
		).toMatchObject({ replayProblem: "events[0].at is earlier than startedAt" });
		expect(evaluateAttempt({ ...a, finishedAt: "2026-01-05T08:01:00.000Z" })).toMatchObject({
			replayProblem: "events[2].at is after finishedAt",
		});
	});

	test("grades exactly as gradeAttempt does, also from a start point and with hints", () => {
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
			const result = evaluateAttempt(a);
			expect(result.ok && result.grade).toEqual(gradeAttempt(a));
		}
	});
});
