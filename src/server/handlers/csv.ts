import type { ServerContext } from "../context.ts";
import { attemptsCsv } from "../csv.ts";
import { HttpError } from "../errors.ts";
import { parseListQuery } from "../filter.ts";
import { requireTrainer } from "../trainer-access.ts";

/**
 * GET /api/attempts.csv (trainers): every attempt matching the list filters, in list order.
 * `delimiter=semicolon` writes the variant German Excel opens in columns.
 */
export function exportCsv(
	request: Request,
	ctx: ServerContext,
	now: () => Date = () => new Date(),
): Response {
	requireTrainer(request, ctx);
	const params = new URL(request.url).searchParams;
	const parsed = parseListQuery(params);
	const problems = [...parsed.problems];
	const delimiter = params.get("delimiter") ?? "comma";
	if (delimiter !== "comma" && delimiter !== "semicolon") {
		problems.push("delimiter: expected comma or semicolon");
	}
	if (problems.length > 0) throw new HttpError(400, "bad-request", problems.join("; "));
	const body = attemptsCsv(ctx.attempts.rows(parsed.query), delimiter === "semicolon" ? ";" : ",");
	const day = now().toISOString().slice(0, 10);
	return new Response(body, {
		headers: {
			"Content-Type": "text/csv; charset=utf-8",
			"Content-Disposition": `attachment; filename="attempts-${day}.csv"`,
			"Cache-Control": "no-store",
		},
	});
}
