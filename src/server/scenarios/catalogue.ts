import type { Assignment } from "../../simulator/cohort/assignment.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";
import type { ServerContext } from "../context.ts";
import type { ScenarioVersion } from "./store.ts";

/**
 * The scenarios a cohort can use: the built-in ones, and trainers' own ones once published (at
 * their newest version; an attempt is issued on the version that is newest at that moment, and
 * keeps it).
 */

/** The newest published version of each of `ids` that is a trainer's own scenario. */
export async function ownVersions(
	ctx: Pick<ServerContext, "scenarios">,
	ids: readonly string[],
): Promise<Map<string, ScenarioVersion>> {
	const found = new Map<string, ScenarioVersion>();
	for (const id of ids) {
		if (getScenario(id) !== undefined) continue;
		const latest = await ctx.scenarios.latest(id);
		if (latest !== undefined) found.set(id, latest);
	}
	return found;
}

/** The picker's words for a cohort's own scenarios: title and summary in each language they have. */
export function ownTitles(versions: ReadonlyMap<string, ScenarioVersion>): Assignment["own"] {
	if (versions.size === 0) return undefined;
	const own: NonNullable<Assignment["own"]> = {};
	for (const [id, { scenario }] of versions) {
		const entry: NonNullable<Assignment["own"]>[string] = {};
		for (const locale of ["de", "en"] as const) {
			const texts = scenario.texts?.[locale];
			if (texts) entry[locale] = { title: texts.title, summary: texts.summary };
		}
		own[id] = entry;
	}
	return own;
}
