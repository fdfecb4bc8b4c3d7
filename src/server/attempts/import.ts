import {
	completionCodePrefix,
	decodeCompletionCode,
} from "../../simulator/attempt/completion-code.ts";
import type { AlteredReason } from "./store.ts";
import type { ServerContext } from "../context.ts";
import { maxImportEntries } from "./import-limits.ts";
import { evaluateAttempt } from "./regrade.ts";
import { saveAttempt } from "./save.ts";

/** One result file's text, or one completion code, with a label to show (file name or "#2"). */
export interface ImportEntry {
	readonly label: string;
	readonly text: string;
}

export type ImportProblem =
	| AlteredReason
	| "invalid-attempt"
	| "unknown-scenario"
	| "id-conflict"
	| "unreadable"
	| "over-limit";

/**
 * What became of one entry. "imported": stored and counted. "duplicate": already stored as is.
 * "altered": its claimed score differs from the regrade, its log does not validate or replay, or it
 * differs from a stored attempt with its id; stored only if it could be graded, never counted.
 * "unreadable": not a result file or completion code at all (e.g. cut off while copying).
 * "skipped": beyond the first `maxImportEntries` of one import, not looked at.
 */
export interface ImportResult {
	readonly label: string;
	readonly status: "imported" | "duplicate" | "altered" | "unreadable" | "skipped";
	readonly stored: boolean;
	readonly problem: ImportProblem | null;
	/** One line on what is wrong, in English (the log's field path), when there is a problem. */
	readonly detail: string | null;
	readonly attemptId: string | null;
	readonly trainee: string | null;
	readonly scenario: string | null;
	readonly score: number | null;
	readonly claimedScore: number | null;
}

export { maxImportEntries } from "./import-limits.ts";

/**
 * Splits pasted text into completion codes; e-mail clients may have wrapped them over lines. Text
 * before the first code counts as an entry of its own (it is reported unreadable). Only the first
 * `limit` entries become strings; `total` counts them all, so that an 8 MB paste of millions of
 * codes costs one scan, not millions of strings.
 */
export function splitCodes(
	text: string,
	limit = Number.POSITIVE_INFINITY,
): { codes: string[]; total: number } {
	const codes: string[] = [];
	let total = 0;
	const take = (from: number, to: number) => {
		total++;
		if (codes.length < limit) codes.push(text.slice(from, to).replace(/\s+/g, ""));
	};
	let at = text.indexOf(completionCodePrefix);
	const lead = at === -1 ? text.length : at;
	if (text.slice(0, lead).trim() !== "") take(0, lead);
	while (at !== -1) {
		const next = text.indexOf(completionCodePrefix, at + completionCodePrefix.length);
		take(at, next === -1 ? text.length : next);
		at = next;
	}
	return { codes, total };
}

function result(
	label: string,
	fields: Partial<ImportResult> & Pick<ImportResult, "status">,
): ImportResult {
	return {
		label,
		stored: false,
		problem: null,
		detail: null,
		attemptId: null,
		trainee: null,
		scenario: null,
		score: null,
		claimedScore: null,
		...fields,
	};
}

type Parsed =
	| { readonly value: unknown }
	| { readonly problem: "unreadable" | "invalid-attempt"; readonly detail: string };

async function parseEntry(text: string): Promise<Parsed> {
	const trimmed = text.trim();
	if (trimmed.startsWith(completionCodePrefix)) {
		const decoded = await decodeCompletionCode(trimmed);
		// A code that inflates to JSON but fails the schema is altered, not unreadable.
		return decoded.ok
			? { value: decoded.attempt }
			: { problem: decoded.kind, detail: decoded.problem };
	}
	try {
		return { value: JSON.parse(trimmed) };
	} catch {
		return { problem: "unreadable", detail: "neither a result file (JSON) nor a completion code" };
	}
}

/**
 * Imports result files and completion codes from trainees who had no score server. Each is
 * validated, regraded and replayed like a submission; an attempt whose claimed score differs from
 * the regrade, or whose log does not replay, is stored marked as altered and is not counted.
 * Entries beyond the first `maxImportEntries` are answered as skipped, so none goes missing
 * unnoticed.
 */
export async function importEntries(
	entries: readonly ImportEntry[],
	ctx: ServerContext,
	now: () => Date = () => new Date(),
): Promise<ImportResult[]> {
	const results: ImportResult[] = [];
	for (const entry of entries.slice(0, maxImportEntries)) {
		const parsed = await parseEntry(entry.text);
		if ("problem" in parsed) {
			results.push(
				result(entry.label, {
					status: parsed.problem === "unreadable" ? "unreadable" : "altered",
					problem: parsed.problem,
					detail: parsed.detail,
				}),
			);
			continue;
		}
		const evaluation = await evaluateAttempt(parsed.value, ctx.scenarios);
		if (!evaluation.ok) {
			results.push(
				result(entry.label, {
					status: "altered",
					problem: evaluation.error,
					detail: evaluation.message,
				}),
			);
			continue;
		}
		const { attempt, grade, digest } = evaluation;
		const claimed = attempt.claimedScore ?? null;
		const altered =
			evaluation.replayProblem !== null
				? { reason: "log-does-not-replay" as const, detail: evaluation.replayProblem }
				: claimed !== null && claimed !== grade.score
					? {
							reason: "score-differs" as const,
							detail: `claimed ${claimed}, regraded ${grade.score}`,
						}
					: null;
		// The record a submission stores too (handlers/submit.ts), marked as an import and altered
		// where the regrade disagrees.
		const stored = await saveAttempt(ctx, {
			attempt,
			grade,
			digest,
			source: "import",
			receivedAt: now().toISOString(),
			altered,
		});
		const common = {
			attemptId: attempt.id,
			trainee: attempt.trainee?.name ?? null,
			scenario: attempt.scenario.id,
			score: grade.score,
			claimedScore: claimed,
		};
		if (stored.outcome === "conflict") {
			results.push(
				result(entry.label, {
					...common,
					status: "altered",
					problem: "id-conflict",
					detail: "a different attempt with this id is already stored",
				}),
			);
		} else if (stored.outcome === "duplicate") {
			const first = stored.stored;
			results.push(
				result(entry.label, {
					...common,
					status: first?.altered ? "altered" : "duplicate",
					stored: true,
					problem: first?.alteredReason ?? null,
					detail: first?.alteredDetail ?? null,
				}),
			);
		} else {
			results.push(
				result(entry.label, {
					...common,
					status: altered === null ? "imported" : "altered",
					stored: true,
					problem: altered?.reason ?? null,
					detail: altered?.detail ?? null,
				}),
			);
		}
	}
	for (const entry of entries.slice(maxImportEntries)) {
		results.push(
			result(entry.label, {
				status: "skipped",
				problem: "over-limit",
			}),
		);
	}
	return results;
}
