import type { APIRoute } from "astro";
import { serverContext } from "../../server/context.ts";
import { guard } from "../../server/errors.ts";
import { listAttempts } from "../../server/handlers/list.ts";
import { submitAttempt } from "../../server/handlers/submit.ts";

export const prerender = false;

/** Trainers: one page of attempts. */
export const GET: APIRoute = ({ request }) =>
	guard(async () => listAttempts(request, await serverContext()));

/** Anyone: submit a finished attempt; the server regrades it. */
export const POST: APIRoute = ({ request, clientAddress }) =>
	guard(async () => submitAttempt(request, { clientAddress }, await serverContext()));
