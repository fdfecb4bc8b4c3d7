import type { CohortErrorCode } from "../../simulator/cohort/error-codes.ts";
import { plainText } from "../../simulator/text/plain-text.ts";
import { readJson } from "../body.ts";
import { assignmentOf, cohortState, type Cohort } from "../cohorts/store.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, json } from "../errors.ts";
import { clientKey, type RequestMeta } from "../request.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";
import { ownTitles, ownVersions } from "../scenarios/catalogue.ts";

const joinBodyLimit = 4 * 1024;

const refusalStatus: Record<CohortErrorCode, number> = {
	"unknown-code": 404,
	"not-open-yet": 403,
	closed: 403,
	"not-assigned": 422,
	"limit-reached": 403,
	"invalid-token": 403,
	"token-mismatch": 403,
};

const refusalMessage: Record<CohortErrorCode, string> = {
	"unknown-code": "No cohort has this code.",
	"not-open-yet": "The cohort is not open yet.",
	closed: "The cohort is closed.",
	"not-assigned": "The cohort does not assign this scenario in this mode.",
	"limit-reached": "This trainee has used every attempt the cohort allows.",
	"invalid-token": "The server did not issue this attempt.",
	"token-mismatch": "The attempt is not the one the server issued for this token.",
};

/** A refusal the trainee's browser names in the trainee's language by its code. */
export function cohortError(code: CohortErrorCode): HttpError {
	return new HttpError(refusalStatus[code], code, refusalMessage[code]);
}

/**
 * The JSON body of a join or a start. Both are open to anyone, so guessing codes is slowed as
 * submissions are, per address.
 */
async function readCohortRequest(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
): Promise<unknown> {
	const wait = ctx.submitLimit.take(clientKey(request, meta, ctx.config));
	if (wait > 0) {
		throw new HttpError(429, "rate-limited", `Too many requests; try again in ${wait} s.`, {
			"Retry-After": String(wait),
		});
	}
	return readJson(request, joinBodyLimit);
}

function field(body: unknown, name: string): string {
	const value =
		typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : "";
	return typeof value === "string" ? value : "";
}

/** The trainee's name as trainers see it (`plainText`), or null if it is empty or too long. */
function traineeName(body: unknown): string | null {
	const name = plainText(field(body, "name"));
	return name === "" || name.length > 100 ? null : name;
}

/** The cohort a code opens, if it takes attempts now. */
async function openCohort(ctx: ServerContext, code: string, now: Date): Promise<Cohort> {
	const cohort = await ctx.cohorts.byCode(code);
	if (cohort === undefined) throw cohortError("unknown-code");
	const state = cohortState(cohort, now);
	if (state !== "open") throw cohortError(state);
	return cohort;
}

/**
 * POST /api/cohorts/join `{ code, name }`: what the cohort assigns, while it is open. The name,
 * when given, puts the trainee on the cohort's list as not started yet.
 */
export async function joinCohort(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const body = await readCohortRequest(request, meta, ctx);
	const at = now();
	const cohort = await openCohort(ctx, field(body, "code"), at);
	const name = traineeName(body);
	if (name !== null) await ctx.cohorts.join(cohort, name, at);
	const own = ownTitles(await ownVersions(ctx, cohort.scenarios));
	return json({ ...assignmentOf(cohort), ...(own ? { own } : {}) });
}

/**
 * POST /api/cohort-attempts `{ code, name, scenarioId, mode }`: issues an attempt of an assigned
 * scenario (201), within the cohort's open days and its attempt limit per trainee name.
 */
export async function issueAttempt(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	now: () => Date = () => new Date(),
): Promise<Response> {
	const body = await readCohortRequest(request, meta, ctx);
	const at = now();
	const cohort = await openCohort(ctx, field(body, "code"), at);
	const name = traineeName(body);
	if (name === null) throw new HttpError(422, "bad-request", "name: expected 1 to 100 characters");
	const scenarioId = field(body, "scenarioId");
	const mode = field(body, "mode");
	const assigned =
		cohort.scenarios.includes(scenarioId) &&
		(mode === "assessment" || (mode === "practice" && cohort.practice));
	if (!assigned) throw cohortError("not-assigned");
	// A trainer's own scenario is issued at its newest version, handed out whole with the attempt.
	const own = (await ownVersions(ctx, [scenarioId])).get(scenarioId);
	if (own === undefined && getScenario(scenarioId) === undefined) throw cohortError("not-assigned");
	// The limit is checked where the count goes up, in one statement, so that requests at the same
	// moment (on several server instances) cannot together pass it.
	const result = await ctx.cohorts.issue(cohort, name, scenarioId, mode, at, own?.version ?? null);
	if (result === "limit-reached") throw cohortError("limit-reached");
	const { token, issued } = result;
	return json(
		{
			attemptId: issued.attemptId,
			token,
			scenarioId,
			seed: issued.seed,
			mode,
			startedAt: issued.issuedAt,
			...(own ? { own: { version: own.version, scenario: own.scenario } } : {}),
		},
		201,
	);
}
