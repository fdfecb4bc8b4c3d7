import type { APIRoute } from "astro";
import { serverContext } from "../../../../server/context.ts";
import { guard } from "../../../../server/errors.ts";
import { exportScenario } from "../../../../server/handlers/scenarios.ts";

export const prerender = false;

/** Trainers: a scenario as a file. */
export const GET: APIRoute = ({ request, params }) =>
	guard(async () => exportScenario(request, await serverContext(), params.id));
