import type { APIRoute } from "astro";
import { serverContext } from "../../server/context.ts";
import { health } from "../../server/handlers/health.ts";

export const prerender = false;

// Liveness for tests, process managers and the score server's clients; public.
export const GET: APIRoute = () => health(serverContext);
