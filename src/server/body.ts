import { HttpError } from "./errors.ts";
import { readAtMost } from "../simulator/attempt/read-at-most.ts";

/** Largest attempt submission accepted; a long real attempt is about 50 KB. */
export const attemptBodyLimit = 256 * 1024;

function tooLarge(limit: number): HttpError {
	return new HttpError(
		413,
		"payload-too-large",
		`The request body is larger than ${Math.round(limit / 1024)} KB.`,
	);
}

/**
 * Reads a request body, stopping as soon as it exceeds `limit` bytes, so a client cannot make the
 * server buffer an arbitrarily large upload. A declared Content-Length over the limit is refused
 * before reading anything.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
	const declared = Number(request.headers.get("content-length") ?? Number.NaN);
	if (declared > limit) throw tooLarge(limit);
	if (request.body === null) return new Uint8Array(0);
	const reader = request.body.getReader();
	const bytes = await readAtMost(reader, limit);
	if (bytes !== null) return bytes;
	// Stop reading without cancelling: cancelling would reset the socket before the 413 reaches
	// the client; Node discards the rest of the body after the response is sent.
	reader.releaseLock();
	throw tooLarge(limit);
}

/** The body as UTF-8 text (invalid sequences become U+FFFD, which JSON parsing then rejects). */
export async function readText(request: Request, limit: number): Promise<string> {
	return new TextDecoder().decode(await readBody(request, limit));
}

/**
 * A JSON request body of at most `limit` bytes: 415 unless it is sent as JSON, 400 unless it
 * parses. What it holds is for the caller's schema to check.
 */
export async function readJson(request: Request, limit: number): Promise<unknown> {
	if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
		throw new HttpError(415, "unsupported-media-type", "Send the body as application/json.");
	}
	const text = await readText(request, limit);
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new HttpError(400, "malformed-json", "The request body is not valid JSON.");
	}
}
