import { describe, expect, test } from "vitest";
import { gradeAttempt } from "../../../src/simulator/attempt/index.ts";
import {
	resultFileName,
	resultFileText,
	sendAttempt,
} from "../../../src/simulator/client/score-server.ts";
import { attempt } from "../server/support.ts";

const grade = gradeAttempt(attempt())!;

function answering(status: number, body: string, contentType = "application/json"): typeof fetch {
	return async () => new Response(body, { status, headers: { "Content-Type": contentType } });
}

describe("submitting an attempt", () => {
	test("posts JSON to /api/attempts and returns the server's grade", async () => {
		let seen: Request | undefined;
		const result = await sendAttempt(attempt(), {
			fetch: async (input, init) => {
				seen = new Request(new URL(String(input), "http://site.test"), init);
				return new Response(JSON.stringify({ id: "attempt-1", stored: true, grade }), {
					status: 201,
				});
			},
		});
		expect(result).toEqual({ ok: true, grade });
		expect(seen?.method).toBe("POST");
		expect(new URL(seen!.url).pathname).toBe("/api/attempts");
		expect(seen?.headers.get("content-type")).toBe("application/json");
		expect(await seen?.json()).toEqual(attempt());
	});

	test.each([
		["a static host's 404", answering(404, "<h1>Not found</h1>", "text/html")],
		["a static host's 405", answering(405, "")],
		["a proxy without a backend", answering(502, "Bad gateway", "text/plain")],
		["a 200 HTML page", answering(200, "<!doctype html><p>guide</p>", "text/html")],
		[
			"a network error",
			(async () => {
				throw new TypeError("fetch failed");
			}) as typeof fetch,
		],
	])("%s means offline", async (_name, fetch) => {
		expect(await sendAttempt(attempt(), { fetch })).toMatchObject({
			ok: false,
			reason: "offline",
		});
	});

	test("a score server whose database is away is unavailable, to send again; another 503 is offline", async () => {
		const away = answering(
			503,
			JSON.stringify({
				error: "store-unavailable",
				message: "The score database is not available.",
			}),
		);
		expect(await sendAttempt(attempt(), { fetch: away })).toEqual({
			ok: false,
			reason: "unavailable",
			status: 503,
			error: "store-unavailable",
		});
		const proxy = answering(503, "Service Unavailable", "text/plain");
		expect(await sendAttempt(attempt(), { fetch: proxy })).toMatchObject({ reason: "offline" });
	});

	test("a refusal carries the server's message", async () => {
		const fetch = answering(
			422,
			JSON.stringify({ error: "log-does-not-replay", message: "The event log does not replay." }),
		);
		expect(await sendAttempt(attempt(), { fetch })).toEqual({
			ok: false,
			reason: "rejected",
			error: "log-does-not-replay",
			status: 422,
			message: "The event log does not replay.",
		});
	});

	test("a timeout means offline", async () => {
		const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
			new Promise((_resolve, reject) =>
				init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
			)) as typeof globalThis.fetch;
		expect(await sendAttempt(attempt(), { fetch: hanging, timeoutMs: 10 })).toMatchObject({
			ok: false,
			reason: "offline",
		});
	});
});

describe("result file name", () => {
	test("scenario, trainee and time in ASCII", () => {
		const a = attempt({ trainee: { name: "Jürgen O'Neill / Ümit", cohort: "K" } });
		expect(resultFileName(a)).toBe(
			"staging-trainer_first-handover_juergen-o-neill-uemit_2026-01-05-0804.json",
		);
		expect(resultFileName({ ...a, trainee: undefined, finishedAt: undefined })).toBe(
			"staging-trainer_first-handover_attempt_2026-01-05-0800.json",
		);
	});
});

describe("result file", () => {
	test("is the attempt as JSON, which the import reads back", () => {
		const a = attempt();
		expect(JSON.parse(resultFileText(a))).toEqual(a);
	});
});
