import type { APIRoute } from "astro";
import { serverContext } from "../../../../server/context.ts";
import { guard } from "../../../../server/errors.ts";
import { closeCohortHandler } from "../../../../server/handlers/cohorts.ts";

export const prerender = false;

/** Trainers: close a cohort now. */
export const POST: APIRoute = ({ request, params, clientAddress }) =>
	guard(async () =>
		closeCohortHandler(request, { clientAddress }, await serverContext(), params.id),
	);
