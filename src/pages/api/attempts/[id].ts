import type { APIRoute } from "astro";
import { serverContext } from "../../../server/context.ts";
import { guard } from "../../../server/errors.ts";
import { getAttempt } from "../../../server/handlers/get.ts";

export const prerender = false;

/** Trainers: one attempt with its log and grade. */
export const GET: APIRoute = ({ request, params }) =>
	guard(async () => getAttempt(request, await serverContext(), params.id));
