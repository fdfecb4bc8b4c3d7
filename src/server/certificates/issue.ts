import { translator } from "../../i18n/translator.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";
import { scenarioText } from "../../simulator/scenarios/texts.ts";
import { locales } from "../../simulator/text/locale.ts";
import type { ServerContext } from "../context.ts";
import type { Certificate } from "./store.ts";

/**
 * The certificate an attempt has earned, issued on first asking: after the trainee's passing
 * submission, and when a trainer downloads it from the cohort page. The scenario's title is read
 * in each language at that moment, built-in or a trainer's own at the version the attempt ran.
 */
export async function certificateFor(
	ctx: ServerContext,
	attemptId: string,
	now: Date = new Date(),
	cohortId?: string,
): Promise<Certificate | null> {
	return ctx.certificates.forAttempt(
		attemptId,
		now,
		{
			issuer: ctx.config.certificateIssuer,
			async scenarioTitles(scenarioId, version) {
				const own =
					getScenario(scenarioId) !== undefined || version === null
						? undefined
						: await ctx.scenarios.version(scenarioId, version);
				return Object.fromEntries(
					locales.map((l) => [
						l,
						scenarioText(own?.scenario ?? { id: scenarioId }, "title", l, translator(l)),
					]),
				);
			},
		},
		cohortId,
	);
}
