import type { ServerContext } from "../context.ts";
import { HttpError, json } from "../errors.ts";
import { parseListQuery, visibleTo } from "../attempts/filter.ts";
import { requireTrainer } from "../access/sign-in.ts";

/**
 * GET /api/attempts (trainers): one page of attempts, filtered by cohort, trainee, scenario, mode,
 * passed and a date range. Server-Timing reports the time spent in the handler.
 */
export async function listAttempts(request: Request, ctx: ServerContext): Promise<Response> {
	const trainer = await requireTrainer(request, ctx);
	const started = performance.now();
	const { query, problems } = parseListQuery(new URL(request.url).searchParams);
	if (problems.length > 0) throw new HttpError(400, "bad-request", problems.join("; "));
	const { items, total } = await ctx.attempts.list({
		...query,
		filter: visibleTo(query.filter, trainer),
	});
	const body = {
		items,
		total,
		page: query.page,
		pageSize: query.pageSize,
		pages: Math.max(1, Math.ceil(total / query.pageSize)),
	};
	const elapsed = performance.now() - started;
	return json(body, 200, { "Server-Timing": `list;dur=${elapsed.toFixed(2)}` });
}
