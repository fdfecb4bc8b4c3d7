import { attemptBodyLimit, readText } from "../body.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, json } from "../errors.ts";
import { evaluateAttempt } from "../regrade.ts";
import { clientKey, type RequestMeta } from "../request.ts";
import { storeAttempt } from "../store-attempt.ts";

/**
 * POST /api/attempts: a trainee's finished attempt. The body is read up to 256 KB, validated with
 * the shared attempt schema, regraded from its log (a claimed score is stored for reference but
 * never used) and stored once per attempt id. Answers 201 with the server's grade, 200 with the
 * stored grade when the same attempt comes again, 409 when the id is taken by a different attempt.
 */
export async function submitAttempt(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const wait = ctx.submitLimit.take(clientKey(request, meta, ctx.config));
	if (wait > 0) {
		throw new HttpError(
			429,
			"rate-limited",
			`Too many submissions from this address; try again in ${wait} s.`,
			{ "Retry-After": String(wait) },
		);
	}
	if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
		throw new HttpError(415, "unsupported-media-type", "Send the attempt as application/json.");
	}
	const text = await readText(request, attemptBodyLimit);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		throw new HttpError(400, "malformed-json", "The request body is not valid JSON.");
	}
	const evaluation = evaluateAttempt(value);
	if (!evaluation.ok) throw new HttpError(422, evaluation.error, evaluation.message);
	if (evaluation.replayProblem !== null) {
		throw new HttpError(
			422,
			"log-does-not-replay",
			`The event log does not replay: ${evaluation.replayProblem}.`,
		);
	}
	const { attempt, grade, digest } = evaluation;
	// The same record as an import stores (server/import.ts), but with its own source and no
	// "altered" mark: a submission that does not replay is refused instead.
	const result = await storeAttempt(ctx, {
		attempt,
		grade,
		digest,
		source: "submit",
		receivedAt: now().toISOString(),
		altered: null,
	});
	if (result.outcome === "conflict") {
		throw new HttpError(409, "conflict", "A different attempt with this id is already stored.");
	}
	const inserted = result.outcome === "inserted";
	const stored = inserted ? grade : (result.stored?.grade ?? grade);
	return json({ id: attempt.id, stored: inserted, grade: stored }, inserted ? 201 : 200, {
		Location: `/api/attempts/${encodeURIComponent(attempt.id)}`,
	});
}
