import { attemptTokenHeader } from "../cohort/issued-attempt.ts";
import type { Attempt } from "../attempt/schema.ts";
import type { GradeResult } from "../grading/grade.ts";
import { slug } from "../scenarios/slug.ts";

export { decodeCompletionCode, encodeCompletionCode } from "../attempt/completion-code.ts";

/**
 * Sending a finished attempt to the score server, and the fallbacks when there is none. Safe to
 * import in the browser and during server rendering: nothing runs at import time.
 */

export type SubmitResult =
	| {
			readonly ok: true;
			readonly grade: GradeResult;
			/** The verification code of the certificate the attempt earned, if its cohort offers one. */
			readonly certificate?: string;
	  }
	| {
			readonly ok: false;
			/**
			 * "offline": no score server answered (network error, timeout, a static host's 404/405, a
			 * proxy's 502–504, or an answer that is not the server's JSON). Offer the result file and
			 * the completion code. "unavailable": the score server answered, but cannot reach its
			 * database for the moment (503 `store-unavailable`): sending again shortly will work.
			 * "rejected": the server refused this attempt; `message` says why.
			 */
			readonly reason: "offline" | "unavailable" | "rejected";
			readonly message?: string;
			/** The server's error code ("closed", "invalid-attempt" …), when it gave one. */
			readonly error?: string;
			/** The HTTP status, when there was an answer. */
			readonly status?: number;
	  };

export interface SubmitOptions {
	/** Default: the site's own `/api/attempts`. */
	readonly endpoint?: string;
	readonly timeoutMs?: number;
	readonly fetch?: typeof fetch;
	/** The token of an attempt the server issued (a cohort's assessment). */
	readonly token?: string | undefined;
}

const offlineStatuses = new Set([404, 405, 501, 502, 503, 504]);

function isGrade(value: unknown): value is GradeResult {
	const grade = value as Partial<GradeResult> | null;
	return (
		typeof grade === "object" &&
		grade !== null &&
		typeof grade.score === "number" &&
		typeof grade.passed === "boolean" &&
		Array.isArray(grade.findings)
	);
}

/** Posts the attempt; the grade in the answer is the server's, computed from the log alone. */
export async function sendAttempt(
	attempt: Attempt,
	options: SubmitOptions = {},
): Promise<SubmitResult> {
	const doFetch = options.fetch ?? fetch;
	let response: Response;
	try {
		response = await doFetch(options.endpoint ?? "/api/attempts", {
			method: "POST",
			headers: {
				"Content-Type": "application/json",
				Accept: "application/json",
				...(options.token ? { [attemptTokenHeader]: options.token } : {}),
			},
			body: JSON.stringify(attempt),
			signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
		});
	} catch {
		return { ok: false, reason: "offline" };
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		body = undefined;
	}
	if (response.ok) {
		const { grade, certificate } = (body ?? {}) as { grade?: unknown; certificate?: unknown };
		// A static host may answer 200 with an HTML page: that is no score server.
		if (!isGrade(grade)) return { ok: false, reason: "offline", status: response.status };
		return typeof certificate === "string" && /^[A-Z0-9-]{1,40}$/.test(certificate)
			? { ok: true, grade, certificate }
			: { ok: true, grade };
	}
	const { message, error } = (body ?? {}) as { message?: unknown; error?: unknown };
	if (response.status === 503 && error === "store-unavailable") {
		return { ok: false, reason: "unavailable", status: 503, error };
	}
	if (offlineStatuses.has(response.status)) {
		return { ok: false, reason: "offline", status: response.status };
	}
	return {
		ok: false,
		reason: "rejected",
		status: response.status,
		...(typeof message === "string" ? { message } : {}),
		...(typeof error === "string" ? { error } : {}),
	};
}

/**
 * The downloadable result file: the attempt as indented JSON, which the trainer's import reads
 * (and regrades) as it is.
 */
export function resultFileText(attempt: Attempt): string {
	return `${JSON.stringify(attempt, null, 2)}\n`;
}

/**
 * A file name for the downloadable result: scenario, trainee and time, ASCII only, e.g.
 * `staging-trainer_first-handover_jana-beispiel_2026-01-05-0930.json` (time in UTC).
 */
export function resultFileName(attempt: Attempt): string {
	const when = (attempt.finishedAt ?? attempt.startedAt)
		.slice(0, 16)
		.replace("T", "-")
		.replace(":", "");
	const who = slug(attempt.trainee?.name ?? "")
		.slice(0, 40)
		.replace(/-+$/, "");
	return ["staging-trainer", slug(attempt.scenario.id), who || "attempt", when].join("_") + ".json";
}
