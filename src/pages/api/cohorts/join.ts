import type { APIRoute } from "astro";
import { serverContext } from "../../../server/context.ts";
import { guard } from "../../../server/errors.ts";
import { joinCohort } from "../../../server/handlers/cohort-attempts.ts";

export const prerender = false;

/** Anyone with a join code: what the cohort assigns. */
export const POST: APIRoute = ({ request, clientAddress }) =>
	guard(async () => joinCohort(request, { clientAddress }, await serverContext()));
