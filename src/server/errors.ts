import type { CohortErrorCode } from "../simulator/cohort/error-codes.ts";
import { isDatabaseUnavailable } from "./database/database.ts";

/**
 * Every error the server answers is JSON `{ error, message }`: `error` is a stable code for
 * programs, `message` one line for people. Stack traces stay in the server log.
 */

export type ErrorCode =
	| "bad-request"
	| "malformed-json"
	| "invalid-attempt"
	| "unknown-scenario"
	| "log-does-not-replay"
	| "payload-too-large"
	| "unsupported-media-type"
	| "rate-limited"
	| "unauthorized"
	| "forbidden"
	| "not-found"
	| "conflict"
	| "invalid-cohort"
	| "invalid-scenario"
	| "store-unavailable"
	| CohortErrorCode
	| "internal";

export class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string,
		readonly headers: Readonly<Record<string, string>> = {},
		/** More of the JSON answer, such as the problem of each field of a refused form. */
		readonly details: Readonly<Record<string, unknown>> = {},
	) {
		super(message);
		this.name = "HttpError";
	}
}

const noStore = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { "Content-Type": "application/json; charset=utf-8", ...noStore, ...headers },
	});
}

export function errorResponse(error: HttpError): Response {
	return json({ ...error.details, error: error.code, message: error.message }, error.status, {
		...error.headers,
	});
}

/** How long a client is asked to wait before trying again while the database is away. */
export const storeRetrySeconds = 5;

/**
 * The answer while the score database cannot be reached: try again shortly. (Whether a write got
 * through before the connection broke cannot always be known; sending it again is safe, as an
 * attempt is stored once per id.)
 */
export function storeUnavailable(): HttpError {
	return new HttpError(
		503,
		"store-unavailable",
		"The score database is not available right now. Try again shortly; an attempt sent again is never stored twice.",
		{ "Retry-After": String(storeRetrySeconds) },
	);
}

/**
 * Runs a handler and turns anything it throws into a JSON error. A database out of reach is a 503
 * with Retry-After (the request can simply be sent again); other unexpected errors are logged with
 * their stack here and answered with a generic 500, so no internals reach the client.
 */
export async function guard(handler: () => Promise<Response> | Response): Promise<Response> {
	try {
		return await handler();
	} catch (error) {
		if (error instanceof HttpError) return errorResponse(error);
		if (isDatabaseUnavailable(error)) {
			console.error("[score server] the score database is not available:", String(error));
			return errorResponse(storeUnavailable());
		}
		console.error("[score server]", error);
		return errorResponse(
			new HttpError(500, "internal", "The server could not handle the request."),
		);
	}
}
