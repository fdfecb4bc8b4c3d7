import type { ServerContext } from "../context.ts";
import { HttpError, json } from "../errors.ts";
import { requireTrainer } from "../access/sign-in.ts";
import { mayAccess, type TrainerAccount } from "../access/accounts.ts";
import type { StoredAttempt } from "../attempts/store.ts";

/**
 * The attempt `id` names if `trainer` may see it: a free attempt, or one in a cohort they own (an
 * administrator sees all). Another trainer's cohort's attempt answers as a missing one.
 */
export async function visibleAttempt(
	ctx: ServerContext,
	id: string | undefined,
	trainer: TrainerAccount,
): Promise<StoredAttempt | undefined> {
	const stored = id === undefined ? undefined : await ctx.attempts.get(id);
	if (stored === undefined || stored.cohortId === null || trainer.role === "admin") return stored;
	const cohort = await ctx.cohorts.get(stored.cohortId);
	return cohort !== undefined && mayAccess(trainer, cohort) ? stored : undefined;
}

/**
 * GET /api/attempts/:id (trainers): the stored attempt with its log and the server's grade; for an
 * attempt on a trainer's own scenario also that version (`own`), so a replay needs nothing else.
 */
export async function getAttempt(
	request: Request,
	ctx: ServerContext,
	id: string | undefined,
): Promise<Response> {
	const trainer = await requireTrainer(request, ctx);
	const stored = await visibleAttempt(ctx, id, trainer);
	if (stored === undefined) throw new HttpError(404, "not-found", "No attempt with this id.");
	const version = stored.attempt.scenario.version;
	const own =
		version === undefined ? undefined : await ctx.scenarios.version(stored.scenarioId, version);
	return json(own === undefined ? stored : { ...stored, own: { version, scenario: own.scenario } });
}
