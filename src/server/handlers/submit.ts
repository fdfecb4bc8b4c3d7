import { certificateFor } from "../certificates/issue.ts";
import { attemptBodyLimit, readJson } from "../body.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, json } from "../errors.ts";
import { evaluateAttempt, humanFloorOf } from "../attempts/regrade.ts";
import { cohortState } from "../cohorts/store.ts";
import { cohortError } from "./cohort-attempts.ts";
import { attemptTokenHeader } from "../../simulator/cohort/issued-attempt.ts";
import { joinCodeKey } from "../../simulator/cohort/join-code.ts";
import { flagsOf } from "../../simulator/attempt/plausibility.ts";
import type { Attempt } from "../../simulator/attempt/schema.ts";
import { clientKey, type RequestMeta } from "../request.ts";
import { saveAttempt } from "../attempts/save.ts";

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
	const value = await readJson(request, attemptBodyLimit);
	const evaluation = await evaluateAttempt(value, ctx.scenarios);
	if (!evaluation.ok) throw new HttpError(422, evaluation.error, evaluation.message);
	if (evaluation.replayProblem !== null) {
		throw new HttpError(
			422,
			"log-does-not-replay",
			`The event log does not replay: ${evaluation.replayProblem}.`,
		);
	}
	const { attempt, grade, digest } = evaluation;
	const receivedAt = now();
	const issued = await issuedFor(request, attempt, ctx, receivedAt);
	// The same record as an import stores (attempts/import.ts), but with its own source and no
	// "altered" mark: a submission that does not replay is refused instead.
	const result = await saveAttempt(ctx, {
		attempt,
		grade,
		digest,
		source: "submit",
		receivedAt: receivedAt.toISOString(),
		altered: null,
		issued,
		flags: flagsOf(
			attempt,
			humanFloorOf(attempt, evaluation.source),
			issued === undefined
				? null
				: { startedAt: issued.startedAt, finishedAt: receivedAt.toISOString() },
		),
	});
	if (result.outcome === "conflict") {
		throw new HttpError(409, "conflict", "A different attempt with this id is already stored.");
	}
	const inserted = result.outcome === "inserted";
	const stored = inserted ? grade : (result.stored?.grade ?? grade);
	// A passed assessment of a cohort that offers certificates earns one (certificates/store.ts
	// decides from what is stored); sending it again answers the same certificate.
	const certificate =
		issued !== undefined && stored.passed
			? await certificateFor(ctx, attempt.id, receivedAt)
			: null;
	const body = {
		id: attempt.id,
		stored: inserted,
		grade: stored,
		...(certificate === null ? {} : { certificate: certificate.code }),
	};
	return json(body, inserted ? 201 : 200, {
		Location: `/api/attempts/${encodeURIComponent(attempt.id)}`,
	});
}

/**
 * The cohort attempt a submission's token proves, or undefined for a self-reported one (no
 * token). A token must be the server's, for exactly this attempt (id, scenario, seed, mode,
 * trainee) and the cohort the attempt names; a new attempt of a closed cohort is refused. A repeat
 * of an attempt already stored passes, so a browser that lost the answer can send it again.
 */
async function issuedFor(
	request: Request,
	attempt: Attempt,
	ctx: ServerContext,
	now: Date,
): Promise<{ cohortId: string; cohortName: string; startedAt: string } | undefined> {
	const token = request.headers.get(attemptTokenHeader);
	if (token === null) return undefined;
	const issued = await ctx.cohorts.issuedAttempt(token);
	const cohort = issued === undefined ? undefined : await ctx.cohorts.get(issued.cohortId);
	if (issued === undefined || cohort === undefined) throw cohortError("invalid-token");
	const same =
		issued.attemptId === attempt.id &&
		issued.scenarioId === attempt.scenario.id &&
		(issued.scenarioVersion ?? undefined) === attempt.scenario.version &&
		issued.seed === attempt.scenario.seed &&
		issued.mode === attempt.mode &&
		issued.trainee === attempt.trainee?.name &&
		// A browser that started the attempt before `joinCode` existed carries the code in `cohort`.
		joinCodeKey(attempt.trainee?.joinCode ?? attempt.trainee?.cohort ?? "") ===
			joinCodeKey(cohort.code);
	if (!same) throw cohortError("token-mismatch");
	if (issued.usedAt === null && cohortState(cohort, now) === "closed") throw cohortError("closed");
	return { cohortId: cohort.id, cohortName: cohort.name, startedAt: issued.issuedAt };
}
