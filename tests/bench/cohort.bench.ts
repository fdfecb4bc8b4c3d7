import { performance } from "node:perf_hooks";
import { gradeAttempt } from "../../src/simulator/attempt/index.ts";
import type { Attempt } from "../../src/simulator/attempt/schema.ts";
import { getScenario, solve } from "../../src/simulator/scenarios/index.ts";
import { createServerContext } from "../../src/server/context.ts";
import type { NewAttempt } from "../../src/server/attempts/store.ts";
import { config } from "../unit/server/support.ts";

/**
 * Budget of a cohort's insight (npm run bench:cohort): a cohort with 10,000 stored attempts of
 * 2,000 trainees, each issued by the server, plus 500 trainees who joined and never started. The
 * whole insight (every trainee's progress, the per-step rates, findings, scores, scenarios) must
 * take under 50 ms, p95 of 30 runs. Exits 1 if it does not.
 */
const budgetMs = 50;
const attemptsTotal = 10_000;
const trainees = 2_000;

const ctx = await createServerContext(config(), { announce: () => {} });
const now = new Date();
const day = (d: Date) => d.toISOString().slice(0, 10);
const cohort = await ctx.cohorts.create(
	{
		name: "Bench",
		code: "",
		scenarios: ["warehouse-integrations", "first-handover"],
		practice: true,
		sameSeed: true,
		opensOn: day(now),
		closesOn: day(new Date(now.getTime() + 14 * 86_400_000)),
		attemptLimit: null,
		collectPractice: true,
		certificate: false,
	},
	now,
	null,
);
if (cohort === "taken") throw new Error("code taken");

// A few graded logs of different lengths, reused under new ids: grading 10,000 would only time
// the grader, which `npm run bench` covers.
const variants = ["warehouse-integrations", "first-handover"].flatMap((id) => {
	const events = solve(getScenario(id)!, cohort.seed);
	return [0, 2, 5].map((cut) => {
		const attempt: Attempt = {
			id: "x",
			scenario: { id, seed: cohort.seed },
			locale: "de",
			mode: "assessment",
			startedAt: events[0]!.at,
			finishedAt: events.at(-1)!.at,
			appVersion: "0.1.0",
			trainee: { name: "x", cohort: cohort.code },
			hintsUsed: 0,
			events: events.slice(0, events.length - cut),
		};
		return { attempt, grade: gradeAttempt(attempt)! };
	});
});

const records: NewAttempt[] = [];
for (let i = 0; i < attemptsTotal; i++) {
	const name = `Trainee ${i % trainees}`;
	const variant = variants[i % variants.length]!;
	const mode = i % 10 === 0 ? ("practice" as const) : ("assessment" as const);
	const result = await ctx.cohorts.issue(cohort, name, variant.attempt.scenario.id, mode, now);
	if (result === "limit-reached") throw new Error("no limit was set");
	const { issued } = result;
	const attempt = {
		...variant.attempt,
		id: issued.attemptId,
		mode,
		trainee: { name, cohort: cohort.code },
	};
	records.push({
		attempt,
		grade: variant.grade,
		digest: issued.attemptId,
		source: "submit",
		receivedAt: new Date(now.getTime() + i * 1000).toISOString(),
		altered: null,
		issued: { cohortId: cohort.id, cohortName: cohort.name, startedAt: issued.issuedAt },
	});
}
for (let i = 0; i < records.length; i += 500)
	await ctx.attempts.insertMany(records.slice(i, i + 500));
for (let i = 0; i < 500; i++) await ctx.cohorts.join(cohort, `Joined ${i}`, now);

const times: number[] = [];
let insight = await ctx.cohorts.insight(cohort, new Date(), 24);
for (let run = 0; run < 30; run++) {
	const started = performance.now();
	insight = await ctx.cohorts.insight(cohort, new Date(), 24);
	times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
const median = times[Math.floor(times.length / 2)]!;
console.table([
	{
		attempts: await ctx.attempts.count(),
		trainees: insight.trainees.length,
		steps: insight.steps.length,
		"median ms": Number(median.toFixed(1)),
		"p95 ms": Number(p95.toFixed(1)),
		"budget ms": budgetMs,
	},
]);
if (p95 > budgetMs) {
	console.error(`cohort insight p95 ${p95.toFixed(1)} ms is over the ${budgetMs} ms budget`);
	process.exitCode = 1;
}
