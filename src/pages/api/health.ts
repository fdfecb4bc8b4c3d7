import type { APIRoute } from "astro";

export const prerender = false;

// Liveness for tests, process managers and the score server's clients.
export const GET: APIRoute = () =>
	new Response(JSON.stringify({ ok: true }), {
		headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
	});
