import type { APIRoute } from "astro";
import { serverContext } from "../../server/context.ts";
import { guard } from "../../server/errors.ts";
import { listCohorts, saveCohortHandler } from "../../server/handlers/cohorts.ts";

export const prerender = false;

/** Trainers: every cohort. */
export const GET: APIRoute = ({ request }) =>
	guard(async () => listCohorts(request, await serverContext()));

/** Trainers: a new cohort from its settings. */
export const POST: APIRoute = ({ request, clientAddress }) =>
	guard(async () => saveCohortHandler(request, { clientAddress }, await serverContext(), null));
