import type { ServerContext } from "../context.ts";
import { json } from "../errors.ts";

/**
 * GET /api/health (public): 200 once the score database is open and answers, else 503. Opening the
 * context on this first call is what creates and migrates the database at start.
 */
export async function health(context: () => Promise<ServerContext>): Promise<Response> {
	try {
		const ctx = await context();
		ctx.db.prepare("SELECT 1").get();
		return json({ ok: true, store: "ready" });
	} catch (error) {
		console.error("[score server] the score database is not available:", error);
		return json(
			{ ok: false, error: "store-unavailable", message: "The score database is not available." },
			503,
		);
	}
}
