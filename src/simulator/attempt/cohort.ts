import * as z from "zod/mini";
import { attemptIdPattern } from "./schema.ts";

/**
 * What a trainee's browser and the score server exchange about cohorts: the assignment a join
 * code opens, and the attempt the server issues for it. A trainer's cohort settings stay on the
 * server (`src/server/cohorts/`).
 */

/**
 * The characters of generated join codes: digits and capitals without the look-alikes 0/O and
 * 1/I/L, so a code read aloud or copied from paper comes through.
 */
export const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * A code as the server compares it: capitals and digits only, so "lw-7k3q-9d", "LW 7K3Q 9D" and
 * "LW7K3Q9D" are the same code.
 */
export function cohortCodeKey(code: string): string {
	return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** A join code a trainer chooses: letters, digits and dashes, this long. */
export const cohortCodeLength = { min: 4, max: 32 } as const;
export const cohortCodePattern = new RegExp(
	`^[A-Z0-9][A-Z0-9-]{${cohortCodeLength.min - 2},${cohortCodeLength.max - 2}}[A-Z0-9]$`,
);

/** What a join code opens: the cohort's name, when it is open, and what it assigns. */
export const assignmentSchema = z.object({
	code: z.string().check(z.maxLength(cohortCodeLength.max)),
	name: z.string().check(z.minLength(1), z.maxLength(100)),
	opensAt: z.iso.datetime({ offset: true }),
	closesAt: z.iso.datetime({ offset: true }),
	/** The assigned scenarios, by id, in the trainer's order. */
	scenarios: z.array(z.string().check(z.maxLength(100))).check(z.minLength(1), z.maxLength(20)),
	/** Whether practice runs of the assigned scenarios are offered too. */
	practice: z.boolean(),
	/** Whether those practice runs are sent to the server (they never count towards pass rates). */
	collectPractice: z.boolean(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

/** An attempt the server issued: its id, scenario and seed are the server's, as is its start. */
export const issuedAttemptSchema = z.object({
	attemptId: z.string().check(z.regex(attemptIdPattern)),
	/** Proves the attempt was issued; sent back with the finished attempt, never stored in it. */
	token: z.string().check(z.minLength(20), z.maxLength(100)),
	scenarioId: z.string().check(z.maxLength(100)),
	seed: z.int().check(z.minimum(0), z.maximum(0xffff_ffff)),
	mode: z.enum(["practice", "assessment"]),
	startedAt: z.iso.datetime(),
});
export type IssuedAttempt = z.infer<typeof issuedAttemptSchema>;

/** The header that carries an issued attempt's token with the finished attempt. */
export const attemptTokenHeader = "X-Attempt-Token";

/**
 * Why the server refuses to open or take an attempt of a cohort; the browser says each in the
 * trainee's language (`ui.cohort.refusals.<code>`).
 */
export const cohortRefusals = [
	"unknown-code",
	"not-open-yet",
	"closed",
	"not-assigned",
	"limit-reached",
	"invalid-token",
	"token-mismatch",
] as const;
export type CohortRefusal = (typeof cohortRefusals)[number];

/** A stored joined cohort, if its assignment passes the schema and a name is given; else null. */
export function checkedJoined(
	value: { readonly assignment: unknown; readonly name: unknown } | null,
): { assignment: Assignment; name: string } | null {
	const assignment = assignmentSchema.safeParse(value?.assignment);
	const name = value?.name;
	return assignment.success && typeof name === "string" && name !== "" && name.length <= 100
		? { assignment: assignment.data, name }
		: null;
}
