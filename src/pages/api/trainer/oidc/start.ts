import type { APIRoute } from "astro";
import { startOidc } from "../../../../server/access/oidc.ts";
import { serverContext } from "../../../../server/context.ts";
import { guard } from "../../../../server/errors.ts";

export const prerender = false;

/** Single sign-on: off to the company's identity provider. */
export const POST: APIRoute = ({ request, clientAddress }) =>
	guard(async () => startOidc(request, { clientAddress }, await serverContext()));
