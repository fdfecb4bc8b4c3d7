import { assignmentSchema, type Assignment } from "../cohort/assignment.ts";
import { cohortErrorCodes, type CohortErrorCode } from "../cohort/error-codes.ts";
import { issuedAttemptSchema, type IssuedAttempt } from "../cohort/issued-attempt.ts";

/**
 * The browser's side of cohorts: joining with a code and asking the server to issue an attempt.
 * Each answer is checked with the shared schemas; a refusal comes back as its error code, which the UI
 * says in the trainee's language.
 */
export type CohortAnswer<T> =
	| { readonly ok: true; readonly value: T }
	| {
			readonly ok: false;
			/** "unavailable": the server is there but cannot reach its database for a moment. */
			readonly error: CohortErrorCode | "offline" | "unavailable" | "rate-limited";
	  };

async function post<T>(
	path: string,
	body: unknown,
	schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
	doFetch: typeof fetch,
): Promise<CohortAnswer<T>> {
	let response: Response;
	let value: unknown;
	try {
		response = await doFetch(path, {
			method: "POST",
			headers: { "Content-Type": "application/json", Accept: "application/json" },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(15_000),
		});
		value = await response.json();
	} catch {
		return { ok: false, error: "offline" };
	}
	if (response.ok) {
		const parsed = schema.safeParse(value);
		return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: "offline" };
	}
	const code = (value as { error?: unknown } | null)?.error;
	if (code === "rate-limited") return { ok: false, error: "rate-limited" };
	if (code === "store-unavailable") return { ok: false, error: "unavailable" };
	const known = cohortErrorCodes.find((r) => r === code);
	return { ok: false, error: known ?? "offline" };
}

/** What a join code assigns, while its cohort is open; the trainer sees the name as joined. */
export function joinCohort(code: string, name: string, doFetch: typeof fetch = fetch) {
	return post<Assignment>("/api/cohorts/join", { code, name }, assignmentSchema, doFetch);
}

/** An attempt of an assigned scenario, issued by the server. */
export function requestAttempt(
	request: { code: string; name: string; scenarioId: string; mode: "practice" | "assessment" },
	doFetch: typeof fetch = fetch,
) {
	return post<IssuedAttempt>("/api/cohort-attempts", request, issuedAttemptSchema, doFetch);
}
