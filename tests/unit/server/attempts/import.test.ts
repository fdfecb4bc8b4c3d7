import { describe, expect, test } from "vitest";
import { importEntries, splitCodes } from "../../../../src/server/attempts/import.ts";
import { encodeCompletionCode } from "../../../../src/simulator/attempt/completion-code.ts";
import { submitAttempt } from "../../../../src/server/handlers/submit.ts";
import { attempt, meta, post, stores } from "../support.ts";

// The contract suite: the same behaviour from every score store (see support.ts).
describe.each(stores)("$name store", ({ context }) => {
	describe("importing result files and completion codes", () => {
		test("an honest code and file are imported; the same again is a duplicate", async () => {
			const ctx = await context();
			const code = await encodeCompletionCode(attempt({ id: "by-code" }));
			const file = JSON.stringify(attempt({ id: "by-file", hintsUsed: 1, claimedScore: 98 }));
			const entries = [
				{ label: "Code 1", text: code },
				{ label: "result.json", text: file },
			];
			const first = await importEntries(entries, ctx);
			expect(first.map((r) => [r.status, r.stored, r.score])).toEqual([
				["imported", true, 100],
				["imported", true, 98],
			]);
			const second = await importEntries(entries, ctx);
			expect(second.map((r) => r.status)).toEqual(["duplicate", "duplicate"]);
			expect((await ctx.attempts.summary({})).counted).toBe(2);
		});

		test("an attempt a trainee submitted and a trainer then imports is stored once", async () => {
			const ctx = await context();
			const submitted = attempt({ id: "both-ways" });
			expect((await submitAttempt(post(JSON.stringify(submitted)), meta, ctx)).status).toBe(201);
			const [imported] = await importEntries(
				[{ label: "result.json", text: JSON.stringify(submitted) }],
				ctx,
			);
			expect(imported).toMatchObject({ status: "duplicate", stored: true });
			const other = attempt({ id: "both-ways", hintsUsed: 3 });
			const [conflict] = await importEntries(
				[{ label: "other.json", text: JSON.stringify(other) }],
				ctx,
			);
			expect(conflict).toMatchObject({ status: "altered", problem: "id-conflict" });
			expect((await ctx.attempts.summary({})).counted).toBe(1);
		});

		test("a claimed score that differs from the regrade is stored as altered and not counted", async () => {
			const ctx = await context();
			const forged = attempt({ id: "forged", events: [], claimedScore: 100 });
			const [result] = await importEntries(
				[{ label: "x", text: await encodeCompletionCode(forged) }],
				ctx,
			);
			expect(result).toMatchObject({
				status: "altered",
				stored: true,
				problem: "score-differs",
				claimedScore: 100,
			});
			expect(result!.score).toBeLessThan(100);
			expect(await ctx.attempts.get("forged")).toMatchObject({
				altered: true,
				alteredReason: "score-differs",
			});
			expect(await ctx.attempts.summary({})).toMatchObject({ counted: 0, altered: 1 });
		});

		test("a log that does not replay or validate is altered; garbage is unreadable", async () => {
			const ctx = await context();
			const a = attempt({ id: "replay" });
			const doubled = { ...a, events: [a.events[0]!, a.events[0]!, ...a.events.slice(1)] };
			const invalid = { ...attempt({ id: "invalid" }), hintsUsed: -1 };
			const code = await encodeCompletionCode(attempt({ id: "cut" }));
			const results = await importEntries(
				[
					{ label: "replay", text: JSON.stringify(doubled) },
					{ label: "invalid", text: JSON.stringify(invalid) },
					{
						label: "unknown",
						text: JSON.stringify(attempt({ scenario: { id: "x", seed: 1 }, events: [] })),
					},
					{ label: "cut", text: code.slice(0, code.length / 2) },
					{ label: "text", text: "hello" },
				],
				ctx,
			);
			expect(results.map((r) => [r.label, r.status, r.problem, r.stored])).toEqual([
				["replay", "altered", "log-does-not-replay", true],
				["invalid", "altered", "invalid-attempt", false],
				["unknown", "altered", "unknown-scenario", false],
				["cut", "unreadable", "unreadable", false],
				["text", "unreadable", "unreadable", false],
			]);
			expect(await ctx.attempts.summary({})).toMatchObject({ attempts: 1, counted: 0 });
		});

		test("a file that differs from a stored attempt with its id is flagged, not stored", async () => {
			const ctx = await context();
			await importEntries([{ label: "a", text: JSON.stringify(attempt()) }], ctx);
			const [result] = await importEntries(
				[{ label: "b", text: JSON.stringify(attempt({ hintsUsed: 4, claimedScore: 92 })) }],
				ctx,
			);
			expect(result).toMatchObject({ status: "altered", problem: "id-conflict", stored: false });
			expect(await ctx.attempts.get("attempt-1")).toMatchObject({ hintsUsed: 0 });
		});

		test("pasted codes are split, also when an e-mail client wrapped them", async () => {
			const one = await encodeCompletionCode(attempt({ id: "one" }));
			const two = await encodeCompletionCode(attempt({ id: "two" }));
			const wrapped = `${one.slice(0, 40)}\n${one.slice(40)}\n\n  ${two}\n`;
			expect(splitCodes(wrapped)).toEqual({ codes: [one, two], total: 2 });
			expect(splitCodes(" \n ")).toEqual({ codes: [], total: 0 });
			expect(splitCodes(`hello ${one}`)).toEqual({ codes: ["hello", one], total: 2 });
			// Millions of codes are counted, but only the first few become strings.
			const many = `${one}\n`.repeat(100_000);
			const { codes, total } = splitCodes(many, 3);
			expect(total).toBe(100_000);
			expect(codes).toEqual([one, one, one]);
		});
	});
});
