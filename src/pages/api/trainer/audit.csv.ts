import type { APIRoute } from "astro";
import { serverContext } from "../../../server/context.ts";
import { guard } from "../../../server/errors.ts";
import { exportAuditCsv } from "../../../server/handlers/audit.ts";

export const prerender = false;

/** Administrators: the audit trail, filtered as on its page, as CSV (UTF-8 with BOM). */
export const GET: APIRoute = ({ request, clientAddress }) =>
	guard(async () => exportAuditCsv(request, { clientAddress }, await serverContext()));
