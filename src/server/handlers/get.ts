import type { ServerContext } from "../context.ts";
import { HttpError, json } from "../errors.ts";
import { requireTrainer } from "../access/sign-in.ts";

/**
 * GET /api/attempts/:id (trainers): the stored attempt with its log and the server's grade; for an
 * attempt on a trainer's own scenario also that version (`own`), so a replay needs nothing else.
 */
export async function getAttempt(
	request: Request,
	ctx: ServerContext,
	id: string | undefined,
): Promise<Response> {
	await requireTrainer(request, ctx);
	const stored = id === undefined ? undefined : await ctx.attempts.get(id);
	if (stored === undefined) throw new HttpError(404, "not-found", "No attempt with this id.");
	const version = stored.attempt.scenario.version;
	const own =
		version === undefined ? undefined : await ctx.scenarios.version(stored.scenarioId, version);
	return json(own === undefined ? stored : { ...stored, own: { version, scenario: own.scenario } });
}
