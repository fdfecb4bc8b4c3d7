import type { APIRoute } from "astro";
import { serverContext } from "../../../server/context.ts";
import { guard } from "../../../server/errors.ts";
import { publicScenarios } from "../../../server/handlers/scenarios.ts";

export const prerender = false;

/** Anyone: the trainers' scenarios offered on the public practice page. */
export const GET: APIRoute = () => guard(async () => publicScenarios(await serverContext()));
