import { readJson } from "../body.ts";
import { closeCohort, reopenCohort, saveCohort, visibleCohort } from "../cohorts/save.ts";
import type { Cohort } from "../cohorts/store.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, json } from "../errors.ts";
import { requireActing, requireTrainer } from "../access/sign-in.ts";
import type { RequestMeta } from "../request.ts";

/** A cohort's settings are small; 16 KB holds any valid one with room to spare. */
const cohortBodyLimit = 16 * 1024;

function notFound(): HttpError {
	return new HttpError(404, "not-found", "No cohort with this id.");
}

/** The cohort a route's id names, if the request's trainer may see it; a 404 otherwise. */
export async function requireCohort(
	request: Request,
	ctx: ServerContext,
	id: string | undefined,
): Promise<Cohort> {
	const trainer = await requireTrainer(request, ctx);
	const cohort = await visibleCohort(ctx, id, { trainer });
	if (cohort === undefined) throw notFound();
	return cohort;
}

/**
 * GET /api/cohorts (trainers): every cohort the trainer may see (all, for an administrator), the
 * most recently opened first.
 */
export async function listCohorts(request: Request, ctx: ServerContext): Promise<Response> {
	const trainer = await requireTrainer(request, ctx);
	return json({ items: await ctx.cohorts.visibleTo(trainer) });
}

/** GET /api/cohorts/:id (trainers). */
export async function getCohort(
	request: Request,
	ctx: ServerContext,
	id: string | undefined,
): Promise<Response> {
	return json(await requireCohort(request, ctx, id));
}

/**
 * POST /api/cohorts (a new cohort, 201) and POST /api/cohorts/:id (its new settings, 200), from
 * the whole settings object. A refused body answers 422 with `fields`, each field's problem, and
 * stores nothing.
 */
export async function saveCohortHandler(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	id: string | null,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const acting = await requireActing(request, meta, ctx);
	const value = await readJson(request, cohortBodyLimit);
	const saved = await saveCohort(ctx, id, value, now(), acting);
	if (saved.ok) {
		return json(saved.cohort, id === null ? 201 : 200, {
			Location: `/api/cohorts/${saved.cohort.id}`,
		});
	}
	if ("notFound" in saved) throw notFound();
	if ("closed" in saved) {
		throw new HttpError(
			409,
			"conflict",
			"The cohort is closed; reopen it (POST /api/cohorts/:id/reopen) before changing its settings.",
		);
	}
	const fields = Object.entries(saved.problems)
		.map(([field, problem]) => `${field}: ${problem}`)
		.join("; ");
	throw new HttpError(
		422,
		"invalid-cohort",
		`The cohort was not saved (${fields}).`,
		{},
		{
			fields: saved.problems,
		},
	);
}

/**
 * POST /api/cohorts/:id/close (trainers): no new attempts from now on.
 */
export async function closeCohortHandler(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	id: string | undefined,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const acting = await requireActing(request, meta, ctx);
	const cohort = await closeCohort(ctx, id, now(), acting);
	if (cohort === undefined) throw notFound();
	return json(cohort);
}

/** POST /api/cohorts/:id/reopen (trainers): a closed cohort open again, as its days say. */
export async function reopenCohortHandler(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	id: string | undefined,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const acting = await requireActing(request, meta, ctx);
	const cohort = await reopenCohort(ctx, id, now(), acting);
	if (cohort === undefined) throw notFound();
	return json(cohort);
}
