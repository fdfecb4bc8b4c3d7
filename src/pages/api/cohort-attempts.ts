import type { APIRoute } from "astro";
import { serverContext } from "../../server/context.ts";
import { guard } from "../../server/errors.ts";
import { issueAttempt } from "../../server/handlers/cohort-attempts.ts";

export const prerender = false;

/** Anyone with a join code: start an assigned attempt, issued by the server. */
export const POST: APIRoute = ({ request, clientAddress }) =>
	guard(async () => issueAttempt(request, { clientAddress }, await serverContext()));
