import type { APIRoute } from "astro";
import { serverContext } from "../../../server/context.ts";
import { guard } from "../../../server/errors.ts";
import { getCohort, saveCohortHandler } from "../../../server/handlers/cohorts.ts";

export const prerender = false;

/** Trainers: one cohort's settings. */
export const GET: APIRoute = ({ request, params }) =>
	guard(async () => getCohort(request, await serverContext(), params.id));

/** Trainers: a cohort's new settings, as a whole. */
export const POST: APIRoute = ({ request, params, clientAddress }) =>
	guard(async () =>
		saveCohortHandler(request, { clientAddress }, await serverContext(), params.id ?? ""),
	);
