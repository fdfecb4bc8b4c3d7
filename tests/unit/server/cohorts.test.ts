import { describe, expect, test } from "vitest";
import { signInCookie } from "../../../src/server/access/trainer-auth.ts";
import type { ServerContext } from "../../../src/server/context.ts";
import { guard } from "../../../src/server/errors.ts";
import { issueAttempt, joinCohort } from "../../../src/server/handlers/cohort-attempts.ts";
import {
	closeCohortHandler,
	listCohorts,
	reopenCohortHandler,
	saveCohortHandler,
} from "../../../src/server/handlers/cohorts.ts";
import { exportCohortCsv } from "../../../src/server/handlers/csv.ts";
import { submitAttempt } from "../../../src/server/handlers/submit.ts";
import { attemptTokenHeader } from "../../../src/simulator/cohort/issued-attempt.ts";
import { gradeAttempt } from "../../../src/simulator/attempt/index.ts";
import { getScenario, solve } from "../../../src/simulator/scenarios/index.ts";
import { attempt, meta, password, post, stores } from "./support.ts";

const today = new Date(2026, 10, 28, 12);
const issueContext = { issuer: "x", scenarioTitles: async () => ({}) };
const day = (offset: number) => {
	const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

const settings = {
	name: "Lager Dezember",
	scenarios: ["warehouse-integrations"],
	practice: false,
	sameSeed: true,
	opensOn: day(-1),
	closesOn: day(7),
	attemptLimit: 2,
	collectPractice: false,
	certificate: false,
};

async function trainer(ctx: ServerContext): Promise<string> {
	const session = await ctx.auth.signIn("admin", password);
	return `${signInCookie}=${session?.token ?? ""}`;
}

function request(path: string, body: unknown, cookie = "", headers: Record<string, string> = {}) {
	return new Request(`http://127.0.0.1${path}`, {
		method: "POST",
		headers: { "Content-Type": "application/json", Cookie: cookie, ...headers },
		body: JSON.stringify(body),
	});
}

async function create(ctx: ServerContext, body: unknown = settings, at = today) {
	const cookie = await trainer(ctx);
	return guard(() =>
		saveCohortHandler(
			request("/api/cohorts", body, cookie),
			{ clientAddress: "127.0.0.1" },
			ctx,
			null,
			() => at,
		),
	);
}

async function json(response: Response): Promise<Record<string, unknown>> {
	return (await response.json()) as Record<string, unknown>;
}

// The contract suite: the same behaviour from every score store (see support.ts).
describe.each(stores)("$name store", ({ context, instances }) => {
	describe("cohorts API (trainers)", () => {
		test("creates a cohort with a readable generated code and lists it", async () => {
			const ctx = await context();
			const response = await create(ctx);
			expect(response.status).toBe(201);
			const cohort = await json(response);
			expect(cohort).toMatchObject({ name: "Lager Dezember", attemptLimit: 2, closedAt: null });
			expect(cohort.code).toMatch(/^LW-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/);
			const cookie = await trainer(ctx);
			const list = await json(
				await listCohorts(
					new Request("http://127.0.0.1/api/cohorts", { headers: { Cookie: cookie } }),
					ctx,
				),
			);
			expect(list.items).toHaveLength(1);
		});

		test("refuses bad settings with each field's problem and stores nothing", async () => {
			const ctx = await context();
			await create(ctx, { ...settings, code: "LW-TEST-01" });
			const long = "x".repeat(10_000);
			const cases: [Record<string, unknown>, Record<string, string>][] = [
				[{ name: "  " }, { name: "required" }],
				[{ name: long }, { name: "too-long" }],
				[{ code: long }, { code: "too-long" }],
				[{ code: "lw-test-01" }, { code: "taken" }],
				[{ code: "a b" }, { code: "invalid" }],
				[{ closesOn: day(-3) }, { closesOn: "before-open" }],
				[{ opensOn: "2026-02-30" }, { opensOn: "invalid" }],
				[{ scenarios: ["no-such-scenario"] }, { scenarios: "unknown-scenario" }],
				[{ scenarios: [] }, { scenarios: "required" }],
				[{ attemptLimit: 0 }, { attemptLimit: "out-of-range" }],
				[{ practice: "yes" }, { practice: "invalid" }],
			];
			for (const [change, fields] of cases) {
				const response = await create(ctx, { ...settings, ...change });
				expect(response.status, JSON.stringify(change).slice(0, 80)).toBe(422);
				const body = await json(response);
				expect(body).toMatchObject({ error: "invalid-cohort", fields });
			}
			expect(await ctx.cohorts.list()).toHaveLength(1);
		});

		test("needs a signed-in trainer", async () => {
			const ctx = await context();
			const response = await guard(() =>
				saveCohortHandler(
					request("/api/cohorts", settings),
					{ clientAddress: "127.0.0.1" },
					ctx,
					null,
				),
			);
			expect(response.status).toBe(401);
			expect(await ctx.cohorts.list()).toHaveLength(0);
		});

		test("changes and closes a cohort; an unknown id is 404", async () => {
			const ctx = await context();
			const cohort = await json(await create(ctx));
			const cookie = await trainer(ctx);
			const id = String(cohort.id);
			const changed = await guard(() =>
				saveCohortHandler(
					request(`/api/cohorts/${id}`, { ...settings, name: "Neu" }, cookie),
					{ clientAddress: "127.0.0.1" },
					ctx,
					id,
				),
			);
			expect(changed.status).toBe(200);
			expect(await json(changed)).toMatchObject({
				name: "Neu",
				code: cohort.code,
				seed: cohort.seed,
			});
			const missing = await guard(() =>
				saveCohortHandler(
					request("/api/cohorts/nope", settings, cookie),
					{ clientAddress: "127.0.0.1" },
					ctx,
					"nope",
				),
			);
			expect(missing.status).toBe(404);
			const closed = await guard(() =>
				closeCohortHandler(
					request(`/api/cohorts/${id}/close`, {}, cookie),
					{ clientAddress: "127.0.0.1" },
					ctx,
					id,
					() => today,
				),
			);
			expect(await json(closed)).toMatchObject({ closedAt: today.toISOString() });
		});

		test("a closed cohort's settings are refused until it is reopened, which the audit trail records", async () => {
			const ctx = await context();
			const id = String((await json(await create(ctx))).id);
			const cookie = await trainer(ctx);
			const call = (handler: typeof closeCohortHandler, path: string) =>
				guard(() => handler(request(path, {}, cookie), meta, ctx, id, () => today));
			const save = () =>
				guard(() =>
					saveCohortHandler(
						request(`/api/cohorts/${id}`, { ...settings, name: "Später" }, cookie),
						meta,
						ctx,
						id,
					),
				);
			await call(closeCohortHandler, `/api/cohorts/${id}/close`);
			const refused = await save();
			expect(refused.status).toBe(409);
			expect(await json(refused)).toMatchObject({ error: "conflict" });
			expect((await ctx.cohorts.get(id))?.name).toBe(settings.name);
			const reopened = await call(reopenCohortHandler, `/api/cohorts/${id}/reopen`);
			expect(await json(reopened)).toMatchObject({ closedAt: null });
			expect((await save()).status).toBe(200);
			expect((await ctx.audit.list({ action: "cohort-reopened" })).map((e) => e.targetId)).toEqual([
				id,
			]);
		});
	});

	describe("joining and issued attempts", () => {
		async function setUp(change: Record<string, unknown> = {}) {
			const ctx = await context();
			const cohort = await json(await create(ctx, { ...settings, ...change }));
			return { ctx, cohort, code: String(cohort.code) };
		}

		const join = (ctx: ServerContext, code: string, at = today) =>
			guard(() => joinCohort(request("/api/cohorts/join", { code }), meta, ctx, () => at));

		const issue = (ctx: ServerContext, body: Record<string, unknown>, at = today) =>
			guard(() => issueAttempt(request("/api/cohort-attempts", body), meta, ctx, () => at));

		test("a code opens the cohort's assignment in any case and spacing, only while it is open", async () => {
			const { ctx, code } = await setUp();
			const typed = code.toLowerCase().replaceAll("-", " ");
			expect(await json(await join(ctx, typed))).toMatchObject({
				name: "Lager Dezember",
				scenarios: ["warehouse-integrations"],
				practice: false,
			});
			expect((await json(await join(ctx, "LW-NONE-00"))).error).toBe("unknown-code");
			const early = new Date(today.getTime() - 3 * 86_400_000);
			expect((await json(await join(ctx, code, early))).error).toBe("not-open-yet");
			const late = new Date(today.getTime() + 9 * 86_400_000);
			const closed = await join(ctx, code, late);
			expect(closed.status).toBe(403);
			expect((await json(closed)).error).toBe("closed");
		});

		test("issues only the assigned assessment, with the cohort's seed, up to the limit", async () => {
			const { ctx, code, cohort } = await setUp();
			const start = { code, name: "Jana Beispiel", scenarioId: "warehouse-integrations" };
			expect(
				(
					await json(
						await issue(ctx, { ...start, scenarioId: "first-handover", mode: "assessment" }),
					)
				).error,
			).toBe("not-assigned");
			expect((await json(await issue(ctx, { ...start, mode: "practice" }))).error).toBe(
				"not-assigned",
			);
			const first = await issue(ctx, { ...start, mode: "assessment" });
			expect(first.status).toBe(201);
			expect(await json(first)).toMatchObject({ seed: cohort.seed, mode: "assessment" });
			expect((await issue(ctx, { ...start, mode: "assessment" })).status).toBe(201);
			const third = await issue(ctx, { ...start, name: " jana  beispiel ", mode: "assessment" });
			expect((await json(third)).error).toBe("limit-reached");
			expect((await issue(ctx, { ...start, name: "Other", mode: "assessment" })).status).toBe(201);
		});

		test("requests at the same moment, on two server instances, cannot pass the attempt limit together", async () => {
			const [a, b] = await instances();
			const cohort = await json(await create(a, settings));
			const start = {
				code: String(cohort.code),
				name: "Jana Beispiel",
				scenarioId: "warehouse-integrations",
				mode: "assessment",
			};
			const answers = await Promise.all(
				Array.from({ length: 12 }, (_, i) => issue(i % 2 === 0 ? a : b, start)),
			);
			const statuses = answers.map((r) => r.status).sort();
			expect(statuses.filter((s) => s === 201)).toHaveLength(settings.attemptLimit);
			expect(statuses.filter((s) => s !== 201).every((s) => s === 403)).toBe(true);
		});

		async function issued(ctx: ServerContext, code: string, at = today) {
			const response = await issue(
				ctx,
				{ code, name: "Jana Beispiel", scenarioId: "warehouse-integrations", mode: "assessment" },
				at,
			);
			const body = await json(response);
			// The trainee's log, paced like a person and within the server's window.
			const events = solve(getScenario("warehouse-integrations")!, Number(body.seed)).map(
				(e, i) => ({
					...e,
					at: new Date(at.getTime() + 20_000 + i * 47_000 + (i % 3) * 1_000).toISOString(),
				}),
			);
			const finished = events.at(-1)!.at;
			const done = attempt({
				id: String(body.attemptId),
				scenario: { id: "warehouse-integrations", seed: Number(body.seed) },
				startedAt: String(body.startedAt),
				finishedAt: finished,
				trainee: { name: "Jana Beispiel", cohort: "", joinCode: code },
				events,
			});
			return { token: String(body.token), attempt: done, finished: new Date(finished) };
		}

		const submit = (ctx: ServerContext, body: unknown, token: string | null, at: Date) =>
			guard(() =>
				submitAttempt(
					post(JSON.stringify(body), token === null ? {} : { [attemptTokenHeader]: token }),
					meta,
					ctx,
					() => at,
				),
			);

		test("an issued attempt is stored as issued, with the server's times and the cohort", async () => {
			const { ctx, code, cohort } = await setUp();
			const { token, attempt: done, finished } = await issued(ctx, code);
			const received = new Date(finished.getTime() + 2_000);
			const response = await submit(ctx, done, token, received);
			expect(response.status).toBe(201);
			expect(await ctx.attempts.get(done.id)).toMatchObject({
				trust: "issued",
				cohortId: cohort.id,
				cohort: "Lager Dezember",
				serverStartedAt: today.toISOString(),
				serverFinishedAt: received.toISOString(),
				flags: [],
			});
			// Sent again (a lost answer): the same attempt is a duplicate, not a new one.
			expect((await submit(ctx, done, token, received)).status).toBe(200);
			// The token cannot carry a second attempt.
			const second = await submit(ctx, { ...done, id: "another-attempt" }, token, received);
			expect((await json(second)).error).toBe("token-mismatch");
			expect(await ctx.attempts.get("another-attempt")).toBeUndefined();
		});

		test("a passed, issued assessment earns a certificate where the cohort offers one, and only there", async () => {
			const { ctx, code } = await setUp({ certificate: true });
			const { token, attempt: done, finished } = await issued(ctx, code);
			const received = new Date(finished.getTime() + 2_000);
			const answer = await json(await submit(ctx, done, token, received));
			expect(answer.certificate).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
			const certificate = await ctx.certificates.byCode(String(answer.certificate));
			expect(certificate).toMatchObject({
				attemptId: done.id,
				trainee: "Jana Beispiel",
				cohortName: "Lager Dezember",
				score: 100,
				issuer: "Beispiel Partner GmbH",
				passedAt: received.toISOString(),
				scenarioTitles: { de: expect.any(String), en: expect.any(String) },
			});
			// Sent again: the same certificate, not a second one.
			expect((await json(await submit(ctx, done, token, received))).certificate).toBe(
				answer.certificate,
			);
			// A self-reported attempt (no token) earns none, even with a full score.
			const own = { ...done, id: "self-reported-attempt" };
			expect((await json(await submit(ctx, own, null, received))).certificate).toBeUndefined();
			expect(await ctx.certificates.forAttempt(own.id, received, issueContext)).toBeNull();
			// A failed issued attempt earns none.
			const second = await issued(ctx, code);
			const failed = { ...second.attempt, events: second.attempt.events.slice(0, 3) };
			failed.finishedAt = failed.events.at(-1)!.at;
			const failedAnswer = await json(await submit(ctx, failed, second.token, received));
			expect(failedAnswer.grade).toMatchObject({ passed: false });
			expect(failedAnswer.certificate).toBeUndefined();
			// Without certificates in the cohort: none.
			const plain = await setUp();
			const third = await issued(plain.ctx, plain.code);
			const thirdAnswer = await json(
				await submit(plain.ctx, third.attempt, third.token, third.finished),
			);
			expect(thirdAnswer.grade).toMatchObject({ passed: true });
			expect(thirdAnswer.certificate).toBeUndefined();
		});

		test("a token from one cohort cannot submit into another, nor an unknown token at all", async () => {
			const { ctx, code } = await setUp();
			const other = await json(await create(ctx, { ...settings, name: "Andere" }));
			const { token, attempt: done, finished } = await issued(ctx, code);
			for (const trainee of [
				{ name: "Jana Beispiel", cohort: "", joinCode: String(other.code) },
				{ name: "Jana Beispiel", cohort: String(other.code) },
			]) {
				const moved = { ...done, trainee };
				expect((await json(await submit(ctx, moved, token, finished))).error).toBe(
					"token-mismatch",
				);
			}
			expect((await json(await submit(ctx, done, "x".repeat(43), finished))).error).toBe(
				"invalid-token",
			);
			expect(await ctx.attempts.count()).toBe(0);
		});

		test("an attempt begun before join codes had a field of their own (the code in cohort) still counts", async () => {
			const { ctx, code } = await setUp();
			const { token, attempt: done, finished } = await issued(ctx, code);
			const older = { ...done, trainee: { name: "Jana Beispiel", cohort: code } };
			const response = await submit(ctx, older, token, new Date(finished.getTime() + 1_000));
			expect(response.status).toBe(201);
			expect(await ctx.attempts.get(done.id)).toMatchObject({ cohort: "Lager Dezember" });
		});

		test("a submission after the cohort closed is refused", async () => {
			const { ctx, code } = await setUp({ closesOn: day(0) });
			const { token, attempt: done } = await issued(ctx, code);
			const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1, 0, 5);
			const response = await submit(ctx, done, token, tomorrow);
			expect(response.status).toBe(403);
			expect((await json(response)).error).toBe("closed");
			expect(await ctx.attempts.count()).toBe(0);
		});

		test("without a token an attempt is self-reported; the solver's output is flagged", async () => {
			const { ctx } = await setUp();
			const solver = attempt({ id: "solver-1" });
			expect((await submit(ctx, solver, null, today)).status).toBe(201);
			const row = await ctx.attempts.get("solver-1");
			expect(row).toMatchObject({ trust: "self-reported", cohortId: null });
			expect(row?.flags).toContain("reference-timing");
		});

		test("an issued attempt finished faster than a person can is flagged, not refused", async () => {
			const { ctx, code } = await setUp();
			const { token, attempt: done } = await issued(ctx, code);
			const quick = done.events.map((e, i) => ({
				...e,
				at: new Date(today.getTime() + 1_000 + i * 300).toISOString(),
			}));
			const fast = { ...done, events: quick, finishedAt: quick.at(-1)!.at };
			const response = await submit(ctx, fast, token, new Date(today.getTime() + 30_000));
			expect(response.status).toBe(201);
			expect((await ctx.attempts.get(done.id))?.flags).toEqual(["too-fast"]);
		});
	});

	describe("several server instances", () => {
		test("attempts of one cohort stored at once on two instances all count, none lost to a deadlock", async () => {
			const [a, b] = await instances();
			const cohort = await a.cohorts.create(
				{ ...settings, code: "", attemptLimit: null, practice: false },
				today,
				null,
			);
			if (cohort === "taken") throw new Error("taken");
			const scenario = getScenario("warehouse-integrations")!;
			const events = solve(scenario, cohort.seed);
			const records = [];
			for (let i = 0; i < 48; i++) {
				// Seven names over two instances: each trainee's row is written by both.
				const name = `Trainee ${i % 7}`;
				const result = await a.cohorts.issue(cohort, name, scenario.id, "assessment", today);
				if (result === "limit-reached") throw new Error("no limit was set");
				// Logs cut at different points: each attempt's steps and findings differ.
				const done = attempt({
					id: result.issued.attemptId,
					scenario: { id: scenario.id, seed: cohort.seed },
					trainee: { name, cohort: "", joinCode: cohort.code },
					events: events.slice(0, events.length - (i % 9)),
				});
				records.push({
					attempt: done,
					grade: gradeAttempt(done)!,
					digest: done.id,
					source: "submit" as const,
					receivedAt: today.toISOString(),
					altered: null,
					issued: { cohortId: cohort.id, cohortName: cohort.name, startedAt: today.toISOString() },
				});
			}
			const outcomes = await Promise.allSettled(
				records.map((r, i) => (i % 2 === 0 ? a : b).attemptWriter.insert(r)),
			);
			expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
			const insight = await a.cohorts.insight(cohort, new Date(), 24);
			expect(insight.summary.counted).toBe(48);
			expect(insight.trainees.reduce((sum, t) => sum + t.attempts, 0)).toBe(48);
			expect(insight.steps.find((s) => s.step === "order-account")?.attempts).toBe(48);
		});
	});

	describe("a cohort's insight", () => {
		test("who has not started, is working, passed or failed; step rates; practice kept apart", async () => {
			const ctx = await context();
			const cohort = await ctx.cohorts.create(
				{ ...settings, code: "", attemptLimit: null, practice: true, collectPractice: true },
				today,
				null,
			);
			if (cohort === "taken") throw new Error("taken");
			const scenario = getScenario("warehouse-integrations")!;
			const store = async (name: string, mode: "assessment" | "practice", cut: number) => {
				const result = await ctx.cohorts.issue(cohort, name, scenario.id, mode, today);
				if (result === "limit-reached") throw new Error("limit reached");
				const { issued } = result;
				const events = solve(scenario, issued.seed);
				const done = attempt({
					id: issued.attemptId,
					mode,
					scenario: { id: scenario.id, seed: issued.seed },
					trainee: { name, cohort: "", joinCode: cohort.code },
					events: events.slice(0, events.length - cut),
				});
				const grade = gradeAttempt(done)!;
				await ctx.attempts.insert({
					attempt: done,
					grade,
					digest: done.id,
					source: "submit",
					receivedAt: today.toISOString(),
					altered: null,
					issued: { cohortId: cohort.id, cohortName: cohort.name, startedAt: issued.issuedAt },
				});
				return grade;
			};
			await ctx.cohorts.join(cohort, "Dora Nochnicht", today);
			await store("Anna Fertig", "assessment", 0);
			await store("Anna Fertig", "practice", 3);
			const failed = await store("Bernd Halb", "assessment", 6);
			await ctx.cohorts.issue(cohort, "Clara Dabei", scenario.id, "assessment", today);

			const insight = await ctx.cohorts.insight(cohort, today, 24);
			expect(insight.trainees.map((t) => [t.trainee, t.state])).toEqual([
				["Bernd Halb", "failed"],
				["Clara Dabei", "in-progress"],
				["Dora Nochnicht", "not-started"],
				["Anna Fertig", "passed"],
			]);
			expect(insight.trainees.find((t) => t.trainee === "Anna Fertig")).toMatchObject({
				best: 100,
				practice: 1,
			});
			expect(insight.practiceAttempts).toBe(1);
			// Rates count the two assessments only: the last steps were done once, the first twice.
			const byStep = new Map(insight.steps.map((s) => [s.step, s]));
			expect(byStep.get("order-account")).toEqual({ step: "order-account", attempts: 2, done: 2 });
			const missed = failed.steps.filter((s) => s.required && !s.done).map((s) => s.id);
			expect(missed.length).toBeGreaterThan(0);
			for (const step of missed) expect(byStep.get(step)?.done).toBe(1);
			expect(insight.summary).toMatchObject({ counted: 2, passed: 1, passRate: 0.5 });
			expect(insight.scores[9]).toBe(1);
			expect(insight.scores.reduce((a, b) => a + b, 0)).toBe(2);
			expect(insight.scenarios).toEqual([
				expect.objectContaining({ scenarioId: scenario.id, attempts: 2, passed: 1 }),
			]);
		});
	});

	describe("an issued assessment never sent", () => {
		test("is working until the hours pass or the window ends, then abandoned and counted apart", async () => {
			const ctx = await context();
			const cohort = await ctx.cohorts.create(
				{ ...settings, code: "", attemptLimit: null },
				today,
				null,
			);
			if (cohort === "taken") throw new Error("taken");
			await ctx.cohorts.issue(cohort, "Emil Still", cohort.scenarios[0]!, "assessment", today);
			const hours = (h: number) => new Date(today.getTime() + h * 3_600_000);
			const state = async (at: Date, after = 24) =>
				(await ctx.cohorts.insight(cohort, at, after)).trainees.map((t) => [t.state, t.abandoned]);
			expect(await state(hours(23))).toEqual([["in-progress", 0]]);
			expect(await state(hours(25))).toEqual([["abandoned", 1]]);
			expect(await state(hours(25), 48)).toEqual([["in-progress", 0]]);
			// Past the window's last day, whatever the hours.
			expect(await state(hours(24 * 9), 1000)).toEqual([["abandoned", 1]]);
			// Closed early: at once.
			await ctx.cohorts.close(cohort.id, hours(1));
			const closed = (await ctx.cohorts.get(cohort.id))!;
			expect(
				(await ctx.cohorts.insight(closed, hours(2), 24)).trainees.map((t) => t.state),
			).toEqual(["abandoned"]);
		});
	});

	describe("a cohort's insight as CSV", () => {
		test("each table on its own, with stable column names; an unknown table is a 400", async () => {
			const ctx = await context();
			const cohort = await ctx.cohorts.create(
				{ ...settings, code: "", attemptLimit: null },
				today,
				null,
			);
			if (cohort === "taken") throw new Error("taken");
			await ctx.cohorts.join(cohort, "=cmd|' /C calc'!A0", today);
			const cookie = await trainer(ctx);
			const csv = (table: string) =>
				guard(() =>
					exportCohortCsv(
						new Request(`http://127.0.0.1/api/cohorts/${cohort.id}/insight.csv?table=${table}`, {
							headers: { Cookie: cookie },
						}),
						{ clientAddress: "127.0.0.1" },
						ctx,
						cohort.id,
					),
				);
			const trainees = await (await csv("trainees")).text();
			expect(trainees.split("\r\n")[0]).toBe(
				"trainee,state,joined_at,assessments_started,assessments_submitted,assessments_abandoned,best_score,latest_score,latest_at,latest_attempt,practice_attempts",
			);
			// A hostile name is text in the spreadsheet, not a formula.
			expect(trainees).toContain("'=cmd|");
			expect(trainees).toContain("not-started");
			expect((await (await csv("scores")).text()).split("\r\n")).toHaveLength(12);
			expect((await csv("everything")).status).toBe(400);
		});
	});
});
