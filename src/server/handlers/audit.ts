import type { ServerContext } from "../context.ts";
import { HttpError } from "../errors.ts";
import { clientAddress, type RequestMeta } from "../request.ts";
import { parseAuditQuery } from "../access/audit-filter.ts";
import { actorOf, requireAdmin } from "../access/sign-in.ts";
import { auditCsv } from "../trainer/csv.ts";
import { csvFile, delimiterOf } from "./csv.ts";

/** Every entry one CSV file holds at most; the page's filter narrows it down. */
const csvLimit = 100_000;

/**
 * GET /api/trainer/audit.csv (administrators): the audit trail's entries matching the page's
 * filter, newest first. The export itself is an entry of the trail.
 */
export async function exportAuditCsv(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const admin = await requireAdmin(request, ctx);
	const params = new URL(request.url).searchParams;
	const { filter, problems } = parseAuditQuery(params);
	const delimiter = delimiterOf(params, problems);
	if (problems.length > 0) {
		throw new HttpError(400, "bad-request", `unexpected values: ${problems.join(", ")}`);
	}
	const entries = await ctx.audit.list(filter, csvLimit);
	await ctx.audit.record({
		actor: actorOf(admin),
		action: "csv-exported",
		targetType: "none",
		targetId: "",
		target: "audit",
		details: { rows: entries.length },
		address: clientAddress(request, meta, ctx.config),
	});
	return csvFile(auditCsv(entries, delimiter), "audit", now());
}
