import { attemptProblem, attemptSchema, type Attempt } from "./schema.ts";
import { readAtMost } from "./read-at-most.ts";

/**
 * Completion codes carry a whole attempt where no score server is reachable: the attempt's JSON,
 * deflated (raw) and written in base64url after a version prefix, so it survives copying into an
 * e-mail or a URL. Whoever receives it must regrade it: the code is not signed, and a trainer's
 * import catches edits by regrading and replaying the log.
 */

export const completionCodePrefix = "ST1.";
/** Decoded size limit, so a small hostile code cannot inflate into gigabytes. */
export const maxDecodedBytes = 1024 * 1024;

export type DecodedCode =
	| { readonly ok: true; readonly attempt: Attempt }
	| {
			readonly ok: false;
			/** "unreadable": not a code, or damaged; "invalid-attempt": decodes, but fails the schema. */
			readonly kind: "unreadable" | "invalid-attempt";
			readonly problem: string;
	  };

/** Runs bytes through a (de)compression stream, giving up once the output exceeds `limit`. */
async function pipeThrough(
	bytes: Uint8Array<ArrayBuffer>,
	stream: CompressionStream | DecompressionStream,
	limit = Number.POSITIVE_INFINITY,
): Promise<Uint8Array<ArrayBuffer>> {
	const writer = stream.writable.getWriter();
	// Errors surface on the readable side; these promises must not reject unobserved.
	writer.write(bytes).catch(() => {});
	writer.close().catch(() => {});
	const reader = stream.readable.getReader();
	const out = await readAtMost(reader, limit);
	if (out !== null) return out;
	await reader.cancel().catch(() => {});
	throw new RangeError(`more than ${limit} bytes`);
}

function toBase64Url(bytes: Uint8Array): string {
	let binary = "";
	// Chunks keep String.fromCharCode's argument list short.
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** The attempt as a completion code: `ST1.` + base64url(deflate-raw(JSON)). */
export async function encodeCompletionCode(attempt: Attempt): Promise<string> {
	const json = new TextEncoder().encode(JSON.stringify(attempt));
	const deflated = await pipeThrough(json, new CompressionStream("deflate-raw"));
	return completionCodePrefix + toBase64Url(deflated);
}

/**
 * Reads a completion code back into an attempt validated by the shared schema. White space (line
 * breaks from e-mail clients) is ignored. The attempt is not graded here.
 */
export async function decodeCompletionCode(code: string): Promise<DecodedCode> {
	const compact = code.replace(/\s+/g, "");
	if (!compact.startsWith(completionCodePrefix)) {
		return {
			ok: false,
			kind: "unreadable",
			problem: `not a completion code (it must start with ${completionCodePrefix})`,
		};
	}
	const bytes = fromBase64Url(compact.slice(completionCodePrefix.length));
	if (bytes === null || bytes.length === 0) {
		return {
			ok: false,
			kind: "unreadable",
			problem: "the code contains characters that do not belong in it",
		};
	}
	let json: string;
	try {
		const inflated = await pipeThrough(
			bytes,
			new DecompressionStream("deflate-raw"),
			maxDecodedBytes,
		);
		json = new TextDecoder("utf-8", { fatal: true }).decode(inflated);
	} catch {
		return { ok: false, kind: "unreadable", problem: "the code is incomplete or damaged" };
	}
	let value: unknown;
	try {
		value = JSON.parse(json);
	} catch {
		return { ok: false, kind: "unreadable", problem: "the code does not hold an attempt" };
	}
	// The same schema check as evaluateAttempt's, answered in this codec's own result type.
	const parsed = attemptSchema.safeParse(value);
	if (!parsed.success) {
		return {
			ok: false,
			kind: "invalid-attempt",
			problem: attemptProblem(value) ?? "invalid attempt",
		};
	}
	return { ok: true, attempt: parsed.data };
}
