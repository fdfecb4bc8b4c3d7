import { describe, expect, test } from "vitest";
import { joinCohort, requestAttempt } from "../../../src/simulator/client/cohort.ts";
import { sendAttempt } from "../../../src/simulator/client/score-server.ts";
import { attemptTokenHeader } from "../../../src/simulator/cohort/issued-attempt.ts";
import { attempt } from "../server/support.ts";

const assignment = {
	code: "LW-7K3Q-9D",
	name: "Lager",
	opensAt: "2026-11-27T23:00:00.000Z",
	closesAt: "2026-12-05T23:00:00.000Z",
	scenarios: ["warehouse-integrations"],
	practice: false,
	collectPractice: false,
};

const answering =
	(status: number, body: unknown): typeof fetch =>
	async () =>
		new Response(JSON.stringify(body), { status });

describe("the browser's cohort client", () => {
	test("a join returns the checked assignment", async () => {
		expect(await joinCohort("lw7k3q9d", "Jana", answering(200, assignment))).toEqual({
			ok: true,
			value: assignment,
		});
	});

	test("a refusal comes back as its error code; anything else is offline", async () => {
		const closed = answering(403, { error: "closed", message: "The cohort is closed." });
		expect(await joinCohort("x", "J", closed)).toEqual({ ok: false, error: "closed" });
		// The server is there, its database is not: try again shortly, not "you are offline".
		const away = answering(503, { error: "store-unavailable", message: "not available" });
		expect(await joinCohort("x", "J", away)).toEqual({ ok: false, error: "unavailable" });
		expect(await joinCohort("x", "J", answering(500, { error: "internal" }))).toEqual({
			ok: false,
			error: "offline",
		});
		// A static host answering an HTML page, or a body that is not the schema's.
		expect(await joinCohort("x", "J", answering(200, { code: 1 }))).toEqual({
			ok: false,
			error: "offline",
		});
		const failing: typeof fetch = async () => {
			throw new TypeError("network");
		};
		expect(
			await requestAttempt({ code: "x", name: "J", scenarioId: "s", mode: "assessment" }, failing),
		).toEqual({
			ok: false,
			error: "offline",
		});
	});

	test("an issued attempt's token travels in its header, and a cohort refusal keeps its code", async () => {
		let token: string | null = null;
		const result = await sendAttempt(attempt(), {
			token: "t".repeat(43),
			fetch: async (_input, init) => {
				token = new Headers(init?.headers).get(attemptTokenHeader);
				return new Response(JSON.stringify({ error: "closed", message: "closed" }), {
					status: 403,
				});
			},
		});
		expect(token).toBe("t".repeat(43));
		expect(result).toMatchObject({ ok: false, reason: "rejected", error: "closed" });
	});
});
