import type { APIRoute } from "astro";
import { finishOidc } from "../../../../server/access/oidc.ts";
import { serverContext } from "../../../../server/context.ts";
import { guard } from "../../../../server/errors.ts";

export const prerender = false;

/** Single sign-on: the identity provider's answer. */
export const GET: APIRoute = ({ request, clientAddress }) =>
	guard(async () => finishOidc(request, { clientAddress }, await serverContext()));
