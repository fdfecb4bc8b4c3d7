import type { APIRoute } from "astro";
import { serverContext } from "../../../server/context.ts";
import { guard } from "../../../server/errors.ts";
import { logoutHandler } from "../../../server/handlers/sign-in.ts";

export const prerender = false;

/** Ends the trainer session. */
export const POST: APIRoute = ({ request }) =>
	guard(async () => logoutHandler(request, await serverContext()));
