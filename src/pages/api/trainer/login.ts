import type { APIRoute } from "astro";
import { serverContext } from "../../../server/context.ts";
import { guard } from "../../../server/errors.ts";
import { loginHandler } from "../../../server/handlers/sign-in.ts";

export const prerender = false;

/** Trainer sign-in for scripts and tests: `{ "password": … }` -> 204 with the session cookie. */
export const POST: APIRoute = ({ request, clientAddress }) =>
	guard(async () => loginHandler(request, { clientAddress }, await serverContext()));
