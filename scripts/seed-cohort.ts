import type { Attempt } from "../src/simulator/attempt/schema.ts";
import { gradeAttempt } from "../src/simulator/attempt/index.ts";
import { getScenario, solve } from "../src/simulator/scenarios/index.ts";
import { appVersion } from "../src/simulator/version.ts";
import { ConfigError, readConfig } from "../src/server/config.ts";
import { createServerContext } from "../src/server/context.ts";
import { UsageError, main } from "./cli-output.ts";

/**
 * npm run seed:cohort -- [--trainees N] [--name "…"]
 * Fills the score server's database (SCORES_DB or DATABASE_URL, as for `npm start`) with one
 * cohort and N trainees (30 unless told) in every state a cohort page shows: passed, failed,
 * working, abandoned and not started, with names from several languages. For trying the
 * dashboard and for its pictures; never run it against a server with real trainees.
 */

const firstNames = [
	"Łukasz",
	"Ayşe",
	"Søren",
	"Renée",
	"Jana",
	"Mehmet",
	"Åsa",
	"Zoë",
	"Björn",
	"Małgorzata",
	"Oğuz",
	"Élodie",
	"Jürgen",
	"Ingrid",
	"Tomás",
];
const lastNames = [
	"Żółć",
	"Yılmaz",
	"Ødegård",
	"Dupré",
	"Beispiel",
	"Öztürk",
	"Lindström",
	"Brontë",
	"Grünewald",
	"Wiśniewska",
];

function parse(args: string[]): { trainees: number; name: string } {
	let trainees = 30;
	let name = "Musterkohorte Dezember";
	for (let i = 0; i < args.length; i += 2) {
		const [flag, value] = [args[i], args[i + 1]];
		if (value === undefined) throw new UsageError(`${flag} needs a value`);
		if (flag === "--trainees" && /^\d{1,3}$/.test(value) && Number(value) >= 1)
			trainees = Number(value);
		else if (flag === "--name" && value.trim() !== "" && value.length <= 100) name = value.trim();
		else throw new UsageError(`usage: npm run seed:cohort -- [--trainees 1–999] [--name "…"]`);
	}
	return { trainees, name };
}

main(async (args) => {
	const options = parse(args);
	let config;
	try {
		config = readConfig();
	} catch (error) {
		if (error instanceof ConfigError) throw new UsageError(error.message);
		throw error;
	}
	const ctx = await createServerContext(config, { announce: () => {} });
	try {
		const now = new Date();
		const day = (offset: number) =>
			new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
		const owner = (await ctx.accounts.list()).find(
			(a) => a.role === "admin" && a.state === "active",
		);
		const scenario = getScenario("warehouse-integrations");
		if (scenario === undefined) throw new Error("the scenario warehouse-integrations is missing");
		const cohort = await ctx.cohorts.create(
			{
				name: options.name,
				code: "",
				scenarios: [scenario.id],
				practice: true,
				sameSeed: false,
				opensOn: day(-3),
				closesOn: day(10),
				attemptLimit: null,
				collectPractice: true,
				certificate: true,
			},
			now,
			owner?.id ?? null,
		);
		if (cohort === "taken") throw new Error("the generated join code is taken");
		for (let i = 0; i < options.trainees; i++) {
			const name = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}${i >= firstNames.length ? ` ${Math.floor(i / firstNames.length) + 1}` : ""}`;
			// Mostly passed, some failed, some working, some gone quiet, some not started yet.
			const kind = [
				"passed",
				"passed",
				"failed",
				"passed",
				"working",
				"passed",
				"abandoned",
				"passed",
				"failed",
				"not-started",
			][i % 10];
			if (kind === "not-started") {
				await ctx.cohorts.join(cohort, name, now);
				continue;
			}
			const issuedAt = new Date(
				now.getTime() - (kind === "abandoned" ? 50 : 2) * 3_600_000 - i * 60_000,
			);
			const issued = await ctx.cohorts.issue(cohort, name, scenario.id, "assessment", issuedAt);
			if (issued === "limit-reached") throw new Error("limit reached");
			if (kind === "working" || kind === "abandoned") continue;
			const seed = issued.issued.seed;
			const solution = solve(scenario, seed);
			// A failed attempt stops before the last steps (a different number each time).
			const events = (
				kind === "failed" ? solution.slice(0, solution.length - 1 - (i % 4)) : solution
			).map((e, n) => ({
				...e,
				at: new Date(issuedAt.getTime() + (n + 1) * 45_000).toISOString(),
			}));
			const attempt: Attempt = {
				id: issued.issued.attemptId,
				scenario: { id: scenario.id, seed },
				locale: "de",
				mode: "assessment",
				startedAt: issuedAt.toISOString(),
				finishedAt: events.at(-1)?.at ?? issuedAt.toISOString(),
				appVersion,
				trainee: { name, cohort: "", joinCode: cohort.code },
				hintsUsed: i % 3 === 0 ? 1 : 0,
				events,
				claimedScore: 0,
			};
			const grade = gradeAttempt(attempt);
			if (grade === undefined) throw new Error("the attempt does not grade");
			await ctx.attempts.insert({
				attempt: { ...attempt, claimedScore: grade.score },
				grade,
				digest: attempt.id,
				source: "submit",
				receivedAt: attempt.finishedAt ?? now.toISOString(),
				altered: null,
				issued: { cohortId: cohort.id, cohortName: cohort.name, startedAt: issuedAt.toISOString() },
			});
		}
		process.stdout.write(
			`${cohort.name}: join code ${cohort.code}, ${options.trainees} trainees, id ${cohort.id}\n`,
		);
	} finally {
		await ctx.close();
	}
});
