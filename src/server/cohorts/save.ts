import type { ServerContext } from "../context.ts";
import { checkCohortInput, type FieldProblems } from "./input.ts";
import type { Cohort } from "./store.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";

export type Saved =
	| { readonly ok: true; readonly cohort: Cohort }
	| { readonly ok: false; readonly problems: FieldProblems }
	| { readonly ok: false; readonly notFound: true };

/**
 * Checks and stores a cohort, new (`id` null) or changed, for the trainer's form and the API
 * alike: a refused body stores nothing and names each field's problem.
 */
export async function saveCohort(
	ctx: ServerContext,
	id: string | null,
	value: unknown,
	now: Date,
): Promise<Saved> {
	const published = new Set(
		(await ctx.scenarios.list()).filter((s) => s.publishedVersion !== null).map((s) => s.id),
	);
	const checked = checkCohortInput(
		value,
		(id) => getScenario(id) !== undefined || published.has(id),
	);
	if (!checked.ok) return checked;
	const result =
		id === null
			? await ctx.cohorts.create(checked.input, now)
			: await ctx.cohorts.update(id, checked.input, now);
	if (result === "not-found") return { ok: false, notFound: true };
	if (result === "taken") return { ok: false, problems: { code: "taken" } };
	return { ok: true, cohort: result };
}
