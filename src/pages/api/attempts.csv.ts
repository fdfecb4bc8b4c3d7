import type { APIRoute } from "astro";
import { serverContext } from "../../server/context.ts";
import { guard } from "../../server/errors.ts";
import { exportCsv } from "../../server/handlers/csv.ts";

export const prerender = false;

/** Trainers: the filtered attempts as CSV (UTF-8 with BOM). */
export const GET: APIRoute = ({ request, clientAddress }) =>
	guard(async () => exportCsv(request, { clientAddress }, await serverContext()));
