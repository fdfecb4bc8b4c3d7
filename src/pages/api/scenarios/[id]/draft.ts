import type { APIRoute } from "astro";
import { serverContext } from "../../../../server/context.ts";
import { guard } from "../../../../server/errors.ts";
import { getDraft } from "../../../../server/handlers/scenarios.ts";

export const prerender = false;

/** Trainers: a scenario's draft, to try it on the practice page. */
export const GET: APIRoute = ({ request, params }) =>
	guard(async () => getDraft(request, await serverContext(), params.id));
