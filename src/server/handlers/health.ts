import type { ServerContext } from "../context.ts";
import { json, storeUnavailable } from "../errors.ts";

/**
 * GET /api/health (public): 200 once the score database is open and answers, else 503 with
 * Retry-After (a load balancer takes the instance out until it answers again). Opening the context
 * on this first call is what creates and migrates the database at start.
 */
export async function health(context: () => Promise<ServerContext>): Promise<Response> {
	try {
		const ctx = await context();
		await ctx.db.ping();
		return json({ ok: true, store: "ready" });
	} catch (error) {
		console.error("[score server] the score database is not available:", String(error));
		const unavailable = storeUnavailable();
		return json({ ok: false, error: unavailable.code, message: unavailable.message }, 503, {
			...unavailable.headers,
		});
	}
}
