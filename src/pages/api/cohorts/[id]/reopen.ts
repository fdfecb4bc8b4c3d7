import type { APIRoute } from "astro";
import { serverContext } from "../../../../server/context.ts";
import { guard } from "../../../../server/errors.ts";
import { reopenCohortHandler } from "../../../../server/handlers/cohorts.ts";

export const prerender = false;

/** Trainers: open a closed cohort again. */
export const POST: APIRoute = ({ request, params, clientAddress }) =>
	guard(async () =>
		reopenCohortHandler(request, { clientAddress }, await serverContext(), params.id),
	);
