import { describe, expect, test } from "vitest";
import { signInCookie } from "../../../src/server/access/trainer-auth.ts";
import type { ServerContext } from "../../../src/server/context.ts";
import { guard } from "../../../src/server/errors.ts";
import { issueAttempt, joinCohort } from "../../../src/server/handlers/cohort-attempts.ts";
import { saveCohortHandler } from "../../../src/server/handlers/cohorts.ts";
import { submitAttempt } from "../../../src/server/handlers/submit.ts";
import { assignmentSchema } from "../../../src/simulator/cohort/assignment.ts";
import {
	attemptTokenHeader,
	issuedAttemptSchema,
} from "../../../src/simulator/cohort/issued-attempt.ts";
import { draftOfScenario } from "../../../src/simulator/scenarios/draft.ts";
import { getScenario, solve } from "../../../src/simulator/scenarios/index.ts";
import type { Scenario } from "../../../src/simulator/scenarios/schema.ts";
import { attempt, meta, password, stores } from "./support.ts";

/** A cohort with a trainer's own scenario: joined, issued, submitted and regraded by version. */

const today = new Date(2026, 11, 7, 12);
const day = (offset: number) => {
	const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const base = getScenario("bottling-line")!;
const texts = {
	de: { title: "Abfülllinie Pharma", summary: "Drei Etiketten.", brief: "Für {{company}}." },
};

function request(path: string, body: unknown, headers: Record<string, string> = {}) {
	return new Request(`http://127.0.0.1${path}`, {
		method: "POST",
		headers: { "Content-Type": "application/json", ...headers },
		body: JSON.stringify(body),
	});
}
const json = async (r: Response) => (await r.json()) as Record<string, unknown>;

/** A published own scenario (version 1) and a cohort that assigns it. */
async function setUp(ctx: ServerContext) {
	const created = await ctx.scenarios.create(
		draftOfScenario(base),
		"Abfülllinie Pharma",
		today,
		null,
	);
	const v1: Scenario = { ...base, id: created.id, texts };
	await ctx.scenarios.publish(created.id, v1, 1, today);
	const cookie = `${signInCookie}=${(await ctx.auth.signIn("admin", password))?.token ?? ""}`;
	const settings = {
		name: "Pharma",
		scenarios: [created.id, "first-handover"],
		practice: false,
		sameSeed: false,
		opensOn: day(-1),
		closesOn: day(7),
		attemptLimit: null,
		collectPractice: false,
	};
	const response = await guard(() =>
		saveCohortHandler(
			request("/api/cohorts", settings, { Cookie: cookie }),
			{ clientAddress: "127.0.0.1" },
			ctx,
			null,
			() => today,
		),
	);
	expect(response.status).toBe(201);
	return { id: created.id, v1, code: String((await json(response)).code) };
}

const issue = (ctx: ServerContext, body: Record<string, unknown>) =>
	guard(() => issueAttempt(request("/api/cohort-attempts", body), meta, ctx, () => today));

describe.each(stores)("a trainer's scenario in a cohort ($name store)", ({ context }) => {
	test("a cohort assigns only published scenarios", async () => {
		const ctx = await context();
		const draftOnly = await ctx.scenarios.create(draftOfScenario(base), "draft", today, null);
		const cookie = `${signInCookie}=${(await ctx.auth.signIn("admin", password))?.token ?? ""}`;
		const response = await guard(() =>
			saveCohortHandler(
				request(
					"/api/cohorts",
					{ name: "x", scenarios: [draftOnly.id], opensOn: day(0), closesOn: day(1) },
					{ Cookie: cookie },
				),
				{ clientAddress: "127.0.0.1" },
				ctx,
				null,
				() => today,
			),
		);
		expect(response.status).toBe(422);
		expect((await json(response)).fields).toMatchObject({ scenarios: "unknown-scenario" });
	});

	test("joining names it in the languages it has; the issued attempt brings the version whole", async () => {
		const ctx = await context();
		const { id, v1, code } = await setUp(ctx);
		const joined = assignmentSchema.parse(
			await json(
				await guard(() =>
					joinCohort(request("/api/cohorts/join", { code, name: "Jana" }), meta, ctx, () => today),
				),
			),
		);
		expect(joined.own).toEqual({
			[id]: { de: { title: texts.de.title, summary: texts.de.summary } },
		});
		const answer = await issue(ctx, { code, name: "Jana", scenarioId: id, mode: "assessment" });
		expect(answer.status).toBe(201);
		const issued = issuedAttemptSchema.parse(await json(answer));
		expect(issued.own).toEqual({ version: 1, scenario: v1 });
		const builtIn = issuedAttemptSchema.parse(
			await json(
				await issue(ctx, { code, name: "Jana", scenarioId: "first-handover", mode: "assessment" }),
			),
		);
		expect(builtIn.own).toBeUndefined();
	});

	test("a submission counts on the version issued, and is regraded against it after version 2", async () => {
		const ctx = await context();
		const { id, v1, code } = await setUp(ctx);
		const issued = issuedAttemptSchema.parse(
			await json(
				await issue(ctx, { code, name: "Jana Beispiel", scenarioId: id, mode: "assessment" }),
			),
		);
		// Version 2 asks for one more label: the first trainee worked on version 1.
		await ctx.scenarios.saveDraft(id, draftOfScenario(v1), 1, today);
		const extra = { ...base.labels[0]!, name: "Beipackzettel" };
		await ctx.scenarios.publish(id, { ...v1, labels: [...base.labels, extra] }, 2, today);
		const events = solve(v1, issued.seed).map((e, i) => ({
			...e,
			at: new Date(Date.parse(issued.startedAt) + 60_000 * (i + 1)).toISOString(),
		}));
		const done = attempt({
			id: issued.attemptId,
			scenario: { id, seed: issued.seed, version: 1 },
			startedAt: issued.startedAt,
			finishedAt: events.at(-1)!.at,
			trainee: { name: "Jana Beispiel", cohort: "", joinCode: code },
			events,
		});
		const submit = (body: unknown) =>
			guard(() =>
				submitAttempt(
					request("/api/attempts", body, { [attemptTokenHeader]: issued.token }),
					meta,
					ctx,
					() => new Date(Date.parse(done.finishedAt!) + 1000),
				),
			);
		const wrongVersion = await submit({ ...done, scenario: { ...done.scenario, version: 2 } });
		expect((await json(wrongVersion)).error).toBe("token-mismatch");
		const stored = await submit(done);
		expect(stored.status).toBe(201);
		expect((await json(stored)).grade).toMatchObject({ score: 100, passed: true });
		expect(await ctx.attempts.get(done.id)).toMatchObject({
			scenarioId: id,
			scenarioVersion: 1,
			score: 100,
			trust: "issued",
		});
		// A second trainee now gets version 2.
		const next = issuedAttemptSchema.parse(
			await json(await issue(ctx, { code, name: "Otto", scenarioId: id, mode: "assessment" })),
		);
		expect(next.own?.version).toBe(2);
	});
});
