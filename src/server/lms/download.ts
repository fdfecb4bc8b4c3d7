import * as z from "zod";
import { scormVersions } from "../../simulator/lms/scorm.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";
import { scenarioLocales } from "../../simulator/scenarios/texts.ts";
import { localeSchema } from "../../simulator/text/locale-schema.ts";
import { locales, type Locale } from "../../simulator/text/locale.ts";
import { actorOf, type Acting } from "../access/sign-in.ts";
import type { Cohort } from "../cohorts/store.ts";
import type { ServerContext } from "../context.ts";
import { scormPackage, type ScormPackage } from "./package.ts";
import { serverRuntime } from "./runtime.ts";

/**
 * A cohort's SCORM package for the dashboard's download: the trainer's choice checked, the zip
 * built in memory (nothing is written on the server, so a download cut off leaves nothing), and
 * the export recorded in the audit trail. The same package `npm run package:scorm --cohort`
 * builds.
 */
export const lmsProblems = [
	"no-scenario",
	"scenario",
	"version",
	"language",
	"no-runtime",
] as const;
export type LmsProblem = (typeof lmsProblems)[number];

const choiceSchema = z.object({
	scenario: z.string().max(200),
	version: z.enum(scormVersions),
	lang: localeSchema,
});

/** The languages a scenario's package can be built in: every language, or its own texts'. */
export async function packageLocales(ctx: ServerContext, scenarioId: string): Promise<Locale[]> {
	if (getScenario(scenarioId) !== undefined) return [...locales];
	const own = await ctx.scenarios.latest(scenarioId);
	return own === undefined ? [] : scenarioLocales(own.scenario);
}

export async function cohortPackage(
	ctx: ServerContext,
	cohort: Cohort,
	params: URLSearchParams,
	acting: Acting,
): Promise<{ ok: true; package: ScormPackage } | { ok: false; problem: LmsProblem }> {
	if (cohort.scenarios.length === 0) return { ok: false, problem: "no-scenario" };
	const choice = choiceSchema.safeParse({
		scenario: params.get("scenario") ?? cohort.scenarios[0],
		version: params.get("version"),
		lang: params.get("lang"),
	});
	if (!choice.success) {
		const field = String(choice.error.issues[0]?.path[0] ?? "scenario");
		return { ok: false, problem: field === "lang" ? "language" : (field as LmsProblem) };
	}
	const { scenario: scenarioId, version, lang } = choice.data;
	if (!cohort.scenarios.includes(scenarioId)) return { ok: false, problem: "scenario" };
	const own = getScenario(scenarioId) ? undefined : await ctx.scenarios.latest(scenarioId);
	if (getScenario(scenarioId) === undefined && own === undefined) {
		return { ok: false, problem: "scenario" };
	}
	if (own !== undefined && !scenarioLocales(own.scenario).includes(lang)) {
		return { ok: false, problem: "language" };
	}
	const runtime = serverRuntime(ctx.config.lmsRuntimeDir, lang);
	if (runtime === null) return { ok: false, problem: "no-runtime" };
	const built = scormPackage(
		{
			scenarioId,
			locale: lang,
			seed: cohort.sameSeed ? cohort.seed : null,
			version,
			cohort: { code: cohort.code, name: cohort.name },
			own,
		},
		runtime,
	);
	await ctx.audit.record({
		actor: actorOf(acting.trainer),
		action: "scorm-exported",
		targetType: "cohort",
		targetId: cohort.id,
		target: cohort.name,
		details: { scenario: scenarioId, version, lang },
		address: acting.address,
	});
	return { ok: true, package: built };
}
