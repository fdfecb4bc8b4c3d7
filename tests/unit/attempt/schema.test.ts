import { describe, expect, test } from "vitest";
import {
	attemptProblem,
	attemptSchema,
	maxAttemptEvents,
	recordEvent,
	type Attempt,
} from "../../../src/simulator/attempt/schema.ts";
import { plainText } from "../../../src/simulator/text/plain-text.ts";
import { apply } from "../../../src/simulator/model/apply.ts";
import { getScenario, solve } from "../../../src/simulator/scenarios/index.ts";
import { ctx, fresh, label, order } from "../support/model.ts";

function reference(): Attempt {
	const events = solve(getScenario("first-handover")!, 3);
	return {
		id: "attempt-1",
		scenario: { id: "first-handover", seed: 3 },
		locale: "de",
		mode: "practice",
		startedAt: events[0]!.at,
		finishedAt: events.at(-1)!.at,
		appVersion: "0.1.0",
		trainee: { name: "Jana Beispiel", cohort: "2026-01" },
		hintsUsed: 0,
		events,
		claimedScore: 100,
	};
}

describe("attempt schema", () => {
	test("accepts a complete attempt and survives a JSON round trip", () => {
		const attempt = reference();
		expect(attemptSchema.parse(JSON.parse(JSON.stringify(attempt)))).toEqual(attempt);
		expect(attemptProblem(attempt)).toBeNull();
	});

	test("optional parts may be left out", () => {
		const { trainee: _t, finishedAt: _f, claimedScore: _c, ...minimal } = reference();
		expect(
			attemptSchema.safeParse({
				...minimal,
				scenario: { id: "x", seed: 0, start: "transfer-ownership" },
			}).success,
		).toBe(true);
	});

	test.each<[string, (a: Record<string, unknown>) => unknown, string]>([
		["not an object", () => "attempt", "attempt: "],
		["no events", (a) => ({ ...a, events: undefined }), "events: "],
		["an unknown locale", (a) => ({ ...a, locale: "fr" }), "locale: "],
		["an unknown mode", (a) => ({ ...a, mode: "exam" }), "mode: "],
		["a negative seed", (a) => ({ ...a, scenario: { id: "x", seed: -1 } }), "scenario.seed: "],
		[
			"an unknown start step",
			(a) => ({ ...a, scenario: { id: "x", seed: 1, start: "nap" } }),
			"scenario.start: ",
		],
		[
			"a non-ISO time",
			(a) => ({ ...a, events: [{ at: "yesterday", action: order }] }),
			"events[0].at: ",
		],
		[
			"an unknown action type",
			(a) => ({ ...a, events: [{ at: "2026-01-05T08:00:00.000Z", action: { type: "hack" } }] }),
			"events[0].action.type: ",
		],
		[
			"a wrongly typed field",
			(a) => ({
				...a,
				events: [{ at: "2026-01-05T08:00:00.000Z", action: { ...label, widthMm: "58" } }],
			}),
			"events[0].action.widthMm: ",
		],
		[
			"an unknown role",
			(a) => ({
				...a,
				events: [
					{
						at: "2026-01-05T08:00:00.000Z",
						action: { type: "set-user-roles", userId: "u", roles: ["boss"] },
					},
				],
			}),
			"events[0].action.roles[0]: ",
		],
		[
			"an unknown outcome",
			(a) => ({
				...a,
				events: [{ at: "2026-01-05T08:00:00.000Z", action: order, outcome: "maybe" }],
			}),
			"events[0].outcome: ",
		],
		["a claimed score above 100", (a) => ({ ...a, claimedScore: 101 }), "claimedScore: "],
	])("names the first problem on one line: %s", (_name, edit, prefix) => {
		const problem = attemptProblem(edit(reference() as unknown as Record<string, unknown>));
		expect(problem).not.toBeNull();
		expect(problem!.startsWith(prefix)).toBe(true);
		expect(problem).not.toContain("\n");
	});

	test("an unknown action type is named by its value", () => {
		const attempt = {
			...reference(),
			events: [{ at: "2026-01-05T08:00:00.000Z", action: { type: "hack" } }],
		};
		expect(attemptProblem(attempt)).toBe('events[0].action.type: unknown action type "hack"');
	});

	test("caps the number of events", () => {
		const event = reference().events[0]!;
		const attempt = {
			...reference(),
			events: Array.from({ length: maxAttemptEvents + 1 }, () => event),
		};
		expect(attemptProblem(attempt)).toMatch(/^events: /);
	});

	test("recordEvent keeps the reducer's answer as the outcome", () => {
		const ok = apply(fresh(), order, ctx);
		expect(recordEvent("2026-01-05T08:00:00.000Z", order, ok)).toEqual({
			at: "2026-01-05T08:00:00.000Z",
			action: order,
			outcome: "ok",
		});
		const refused = apply(fresh(), label, ctx);
		expect(recordEvent("2026-01-05T08:00:00.000Z", label, refused).outcome).toBe(
			"account-not-ordered",
		);
	});
});

describe("what an attempt may carry into a trainer's pages", () => {
	test("ids are safe in a URL path: letters, digits and . _ ~ -, starting with a letter or digit", () => {
		for (const id of [
			"attempt-1",
			"6f1c0c7e-6b1a-4f6e-9d3b-2f0a1d2e3c4b",
			"a.b_c~d",
			"x".repeat(200),
		]) {
			expect(attemptSchema.safeParse({ ...reference(), id }).success, id).toBe(true);
		}
		for (const id of [
			"",
			"a/b",
			"a?b",
			"a#b",
			"a:b",
			"a@b",
			"a%20b",
			"a b",
			"..",
			".a",
			"-a",
			"ä",
			"x".repeat(201),
		]) {
			expect(attemptProblem({ ...reference(), id }), id).toMatch(/^id: expected 1 to 200 letters/);
		}
	});

	test("names and cohorts lose invisible characters and are stored composed (NFC)", () => {
		expect(plainText("Jana\u200b Beispiel")).toBe("Jana Beispiel");
		expect(plainText("\u202eJana Beispiel\u202c")).toBe("Jana Beispiel");
		expect(plainText("\u2066Jana\u2069 \ufeffBeispiel\u00ad")).toBe("Jana Beispiel");
		expect(plainText(" Jana\t\nBeispiel\u00a0 ")).toBe("Jana Beispiel");
		expect(plainText("Ju\u0308rgen")).toBe("Jürgen");
		expect(plainText("Jo\u200dhn")).toBe("John");
		// A zero-width non-joiner between Persian letters changes the word: it stays.
		expect(plainText("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")).toBe(
			"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
		);
		expect(plainText("<b>Jana</b> & 'Jo'")).toBe("<b>Jana</b> & 'Jo'");
		const parsed = attemptSchema.parse({
			...reference(),
			trainee: { name: "\u202eJana\u200b Beispiel", cohort: "K\u200b1 " },
		});
		expect(parsed.trainee).toEqual({ name: "Jana Beispiel", cohort: "K1" });
		// Nothing left once the invisible characters are gone: no name at all.
		expect(
			attemptProblem({ ...reference(), trainee: { name: "\u200b\u202e", cohort: "" } }),
		).toMatch(/^trainee\.name: /);
	});
});
