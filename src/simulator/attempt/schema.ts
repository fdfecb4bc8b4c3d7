import * as z from "zod/mini";
import { plainText } from "../text/plain-text.ts";
import { actionSchema, type Action } from "../model/actions.ts";
import { refusalCodeSchema } from "../model/refusal.ts";
import type { ApplyResult } from "../model/result.ts";
import { localeSchema } from "../text/locale-schema.ts";
import { stepIdSchema } from "../process/steps.ts";

/**
 * The attempt record: one run of a scenario, as the browser stores it and the score server receives
 * it. The event log alone determines the grade: the grader replays it and ignores `outcome` and
 * `claimedScore`, which are kept for display and for spotting tampering.
 */

/** Upper bound on the log length, so a hostile file cannot make grading arbitrarily slow. */
export const maxAttemptEvents = 50_000;

export const attemptEventSchema = z.object({
	/** When the action was taken (ISO 8601, UTC); the replay uses it as the clock. */
	at: z.iso.datetime(),
	action: actionSchema,
	/** What the simulator answered: "ok" or the refusal code. Informational only. */
	outcome: z.optional(z.union([z.literal("ok"), refusalCodeSchema])),
});

export const attemptModes = ["practice", "assessment", "demo"] as const;

/**
 * Attempt ids appear in URLs (`/de/trainer/attempts/<id>/`, `/api/attempts/<id>`), so only
 * characters that need no escaping there: letters, digits, `.`, `_`, `~` and `-`, starting with a
 * letter or digit. The simulator's ids are UUIDs.
 */
export const attemptIdPattern = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$/;

export const attemptSchema = z.object({
	id: z
		.string()
		.check(
			z.regex(
				attemptIdPattern,
				"expected 1 to 200 letters, digits, '.', '_', '~' or '-', starting with a letter or digit",
			),
		),
	scenario: z.object({
		id: z.string().check(z.minLength(1), z.maxLength(100)),
		seed: z.int().check(z.minimum(0), z.maximum(0xffff_ffff)),
		/** The step the attempt started at (a start point); absent means from the beginning. */
		start: z.optional(stepIdSchema),
		/**
		 * The version of a trainer's own scenario the attempt was made on; absent for a built-in
		 * scenario. The attempt is always regraded against exactly this version.
		 */
		version: z.optional(z.int().check(z.minimum(1), z.maximum(1_000_000))),
	}),
	locale: localeSchema,
	mode: z.enum(attemptModes),
	startedAt: z.iso.datetime(),
	finishedAt: z.optional(z.iso.datetime()),
	appVersion: z.string().check(z.minLength(1), z.maxLength(50)),
	trainee: z.optional(
		z.object({
			name: z.string().check(z.overwrite(plainText), z.minLength(1), z.maxLength(100)),
			/** The cohort the trainee typed in themself (self-reported), or "". */
			cohort: z.string().check(z.overwrite(plainText), z.maxLength(100)),
			/**
			 * The join code the attempt was started with: a cohort's attempt, or a package built for a
			 * cohort. Files written before this field existed carry the code in `cohort` instead.
			 */
			joinCode: z.optional(z.string().check(z.overwrite(plainText), z.maxLength(100))),
		}),
	),
	hintsUsed: z.int().check(z.minimum(0), z.maximum(10_000)),
	events: z.array(attemptEventSchema).check(z.maxLength(maxAttemptEvents)),
	/** The score the browser showed; the server regrades and never trusts it. */
	claimedScore: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
});

export type Attempt = z.infer<typeof attemptSchema>;
/** Who took an attempt, as the attempt names them. */
export type AttemptTrainee = NonNullable<Attempt["trainee"]>;
export type AttemptEvent = z.infer<typeof attemptEventSchema>;
export type AttemptMode = (typeof attemptModes)[number];

/** The log entry for an action and the reducer's answer to it. */
export function recordEvent(at: string, action: Action, result: ApplyResult): AttemptEvent {
	return { at, action, outcome: result.ok ? "ok" : result.refusal.code };
}

/** The first validation problem of an attempt-like value as one line, or null if it is valid. */
export function attemptProblem(value: unknown): string | null {
	const result = attemptSchema.safeParse(value);
	if (result.success) return null;
	const issue = result.error.issues[0];
	if (issue === undefined) return "invalid attempt";
	const path = issue.path
		.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
		.join("");
	// Zod lists every allowed action type here; the offending value says more in one line.
	const message =
		issue.code === "invalid_union" && "discriminator" in issue
			? `unknown action type ${JSON.stringify(valueAt(value, issue.path))}`
			: issue.message;
	return `${path === "" ? "attempt" : path}: ${message}`.replace(/\s+/g, " ");
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
	let current = value;
	for (const key of path) {
		if (typeof current !== "object" || current === null) return undefined;
		current = (current as Record<PropertyKey, unknown>)[key];
	}
	return current;
}
