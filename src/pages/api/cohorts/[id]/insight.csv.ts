import type { APIRoute } from "astro";
import { serverContext } from "../../../../server/context.ts";
import { guard } from "../../../../server/errors.ts";
import { exportCohortCsv } from "../../../../server/handlers/csv.ts";

export const prerender = false;

/** Trainers: one table of a cohort's insight as CSV (`table=trainees|steps|findings|scores|scenarios`). */
export const GET: APIRoute = ({ request, params, clientAddress }) =>
	guard(async () => exportCohortCsv(request, { clientAddress }, await serverContext(), params.id));
