import type { NewAttempt, StoredAttempt } from "./store.ts";
import type { ServerContext } from "../context.ts";

/** What storing an evaluated attempt came to; a repeat brings the record already stored. */
export type SaveOutcome =
	| { readonly outcome: "inserted" }
	| { readonly outcome: "duplicate"; readonly stored: StoredAttempt | undefined }
	| { readonly outcome: "conflict" };

/**
 * Stores an evaluated attempt once per id, for a trainee's submission and a trainer's import
 * alike: the database decides whether it is new, the same attempt again, or a different attempt
 * under a taken id, and a repeat is answered with what was stored the first time.
 */
export async function saveAttempt(ctx: ServerContext, record: NewAttempt): Promise<SaveOutcome> {
	const outcome = await ctx.attemptWriter.insert(record);
	if (outcome === "duplicate")
		return { outcome, stored: await ctx.attempts.get(record.attempt.id) };
	return { outcome };
}
