import * as z from "zod/mini";
import { attemptIdPattern } from "../attempt/schema.ts";
import { scenarioSchema } from "../scenarios/schema.ts";

/** An attempt the server issued: its id, scenario and seed are the server's, as is its start. */
export const issuedAttemptSchema = z.object({
	attemptId: z.string().check(z.regex(attemptIdPattern)),
	/** Proves the attempt was issued; sent back with the finished attempt, never stored in it. */
	token: z.string().check(z.minLength(20), z.maxLength(100)),
	scenarioId: z.string().check(z.maxLength(100)),
	seed: z.int().check(z.minimum(0), z.maximum(0xffff_ffff)),
	mode: z.enum(["practice", "assessment"]),
	startedAt: z.iso.datetime(),
	/** A trainer's own scenario: the version issued, whole, so the browser needs nothing else. */
	own: z.optional(z.object({ version: z.int().check(z.minimum(1)), scenario: scenarioSchema })),
});
export type IssuedAttempt = z.infer<typeof issuedAttemptSchema>;

/** The header that carries an issued attempt's token with the finished attempt. */
export const attemptTokenHeader = "X-Attempt-Token";
