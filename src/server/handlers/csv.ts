import type { ServerContext } from "../context.ts";
import { attemptsCsv, insightCsv, insightTables, type InsightTable } from "../trainer/csv.ts";
import { HttpError } from "../errors.ts";
import { parseListQuery, visibleTo } from "../attempts/filter.ts";
import { actorOf, requireActing } from "../access/sign-in.ts";
import type { RequestMeta } from "../request.ts";
import { requireCohort } from "./cohorts.ts";

/**
 * GET /api/attempts.csv (trainers): every attempt matching the list filters, in list order.
 * `delimiter=semicolon` writes the variant German Excel opens in columns.
 */
export async function exportCsv(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const acting = await requireActing(request, meta, ctx);
	const params = new URL(request.url).searchParams;
	const parsed = parseListQuery(params);
	const problems = [...parsed.problems];
	const delimiter = delimiterOf(params, problems);
	if (problems.length > 0) throw new HttpError(400, "bad-request", problems.join("; "));
	const rows = await ctx.attempts.rows({
		...parsed.query,
		filter: visibleTo(parsed.query.filter, acting.trainer),
	});
	await ctx.audit.record({
		actor: actorOf(acting.trainer),
		action: "csv-exported",
		targetType: "attempts",
		targetId: "",
		target: "attempts",
		details: { rows: rows.length },
		address: acting.address,
	});
	return csvFile(attemptsCsv(rows, delimiter), "attempts", now());
}

/**
 * GET /api/cohorts/:id/insight.csv (trainers): one table of the cohort's insight, `table=trainees`
 * (the default), `steps`, `findings`, `scores` (by band of ten points) or `scenarios`.
 */
export async function exportCohortCsv(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	id: string | undefined,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const acting = await requireActing(request, meta, ctx);
	const problems: string[] = [];
	const params = new URL(request.url).searchParams;
	const delimiter = delimiterOf(params, problems);
	const table = params.get("table") ?? "trainees";
	if (!(insightTables as readonly string[]).includes(table)) {
		problems.push(`table: expected one of ${insightTables.join(", ")}`);
	}
	if (problems.length > 0) throw new HttpError(400, "bad-request", problems.join("; "));
	const cohort = await requireCohort(request, ctx, id);
	const body = insightCsv(
		await ctx.cohorts.insight(cohort, now(), ctx.config.abandonedAfterHours),
		table as InsightTable,
		delimiter,
	);
	await ctx.audit.record({
		actor: actorOf(acting.trainer),
		action: "csv-exported",
		targetType: "cohort",
		targetId: cohort.id,
		target: cohort.name,
		details: { table },
		address: acting.address,
	});
	return csvFile(body, `cohort-${cohort.code}-${table}`, now());
}

/** `delimiter=semicolon` writes the variant German Excel opens in columns. */
export function delimiterOf(params: URLSearchParams, problems: string[]): "," | ";" {
	const delimiter = params.get("delimiter") ?? "comma";
	if (delimiter !== "comma" && delimiter !== "semicolon") {
		problems.push("delimiter: expected comma or semicolon");
	}
	return delimiter === "semicolon" ? ";" : ",";
}

export function csvFile(body: string, name: string, now: Date): Response {
	const day = now.toISOString().slice(0, 10);
	// The name holds only the code's letters, digits and dashes, so it needs no quoting rules.
	const safe = name.replace(/[^A-Za-z0-9-]/g, "");
	return new Response(body, {
		headers: {
			"Content-Type": "text/csv; charset=utf-8",
			"Content-Disposition": `attachment; filename="${safe}-${day}.csv"`,
			"Cache-Control": "no-store",
		},
	});
}
