import { readText } from "../body.ts";
import type { CohortInput, FieldProblems } from "../cohorts/input.ts";
import { saveCohort } from "../cohorts/save.ts";
import type { Cohort } from "../cohorts/store.ts";
import type { ServerContext } from "../context.ts";
import type { Acting } from "../access/sign-in.ts";

const formBodyLimit = 16 * 1024;

/** The cohort form's fields as the form sends them (the limit as typed), to show again. */
export type CohortFormValues = Omit<CohortInput, "attemptLimit"> & {
	readonly attemptLimit: string;
};

export function formValuesOf(cohort: Cohort): CohortFormValues {
	return {
		...cohort,
		attemptLimit: cohort.attemptLimit === null ? "" : String(cohort.attemptLimit),
	};
}

/** Reads the dashboard's cohort form (checkboxes are present or absent, the seed a radio). */
export function readCohortForm(form: URLSearchParams): CohortFormValues {
	return {
		name: form.get("name") ?? "",
		code: form.get("code") ?? "",
		scenarios: form.getAll("scenarios"),
		practice: form.has("practice"),
		sameSeed: form.get("seed") !== "own",
		opensOn: form.get("opensOn") ?? "",
		closesOn: form.get("closesOn") ?? "",
		attemptLimit: form.get("attemptLimit") ?? "",
		collectPractice: form.has("collectPractice"),
		certificate: form.has("certificate"),
	};
}

export type CohortFormAnswer =
	| { readonly ok: true; readonly cohort: Cohort }
	| {
			readonly ok: false;
			readonly status: 404 | 409 | 422;
			readonly values: CohortFormValues;
			readonly problems: FieldProblems;
	  };

/**
 * POST of the cohort form, new (`id` null) or an existing cohort's settings: checked and stored
 * as the API does (`saveCohort`); a refused form comes back with its values and problems.
 */
export async function cohortForm(
	request: Request,
	ctx: ServerContext,
	id: string | null,
	acting: Acting,
	now: Date = new Date(),
): Promise<CohortFormAnswer> {
	const values = readCohortForm(new URLSearchParams(await readText(request, formBodyLimit)));
	const saved = await saveCohort(ctx, id, values, now, acting);
	if (saved.ok) return saved;
	if ("notFound" in saved) return { ok: false, status: 404, values, problems: {} };
	if ("closed" in saved) return { ok: false, status: 409, values, problems: {} };
	return { ok: false, status: 422, values, problems: saved.problems };
}
