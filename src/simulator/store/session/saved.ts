import * as z from "zod/mini";
import { attemptSchema } from "../../attempt/schema.ts";
import { stepIdSchema } from "../../process/steps.ts";
import { scenarioSchema } from "../../scenarios/schema.ts";
import { builtInScenarios, withOwnScenario, type ScenarioSource } from "../../scenarios/source.ts";

/**
 * What the browser keeps of one exercise. Versioned: data written by an older release that this one
 * cannot read is reported as outdated and replaced by a fresh start, never half-loaded.
 */
export const savedSessionVersion = 1;

export const savedSessionSchema = z.object({
	v: z.literal(savedSessionVersion),
	attempt: attemptSchema,
	finished: z.boolean(),
	/** The steps whose hint the trainee has seen, in order; seeing one again costs nothing. */
	hinted: z.optional(z.array(stepIdSchema).check(z.maxLength(64))),
	/** The token of an attempt the server issued (a cohort's), sent back with the attempt. */
	token: z.optional(z.string().check(z.maxLength(100))),
	/**
	 * A trainer's own scenario, as the server handed it out (a published version), or a draft in a
	 * trainer's preview (no version): kept with the attempt, so a reload needs no server.
	 */
	own: z.optional(
		z.object({
			scenario: scenarioSchema,
			version: z.optional(z.int().check(z.minimum(1))),
		}),
	),
});
export type SavedSession = z.infer<typeof savedSessionSchema>;
export type OwnScenarioCopy = NonNullable<SavedSession["own"]>;

/** Where the session's attempt finds its scenario: the own one it keeps, else the built-in ones. */
export function sourceOf(session: SavedSession): ScenarioSource {
	return session.own === undefined
		? builtInScenarios
		: withOwnScenario(session.own.scenario, session.own.version);
}

export type Loaded =
	| { readonly kind: "none" }
	| { readonly kind: "ok"; readonly session: SavedSession }
	| { readonly kind: "corrupt"; readonly reason: "invalid" | "outdated" };

export const none: Loaded = { kind: "none" };

/** Reads stored text; anything unreadable becomes a reason to start fresh, never an exception. */
export function decodeSaved(text: string | undefined): Loaded {
	if (text === undefined || text === "") return none;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { kind: "corrupt", reason: "invalid" };
	}
	const parsed = savedSessionSchema.safeParse(value);
	if (parsed.success) return { kind: "ok", session: parsed.data };
	const version = (value as { v?: unknown } | null)?.v;
	return {
		kind: "corrupt",
		reason: typeof version === "number" && version !== savedSessionVersion ? "outdated" : "invalid",
	};
}

/** Only sessions are written; "none" removes the key, "corrupt" leaves the bad data for a reset. */
export function encodeSaved(value: Loaded): string | undefined {
	return value.kind === "ok" ? JSON.stringify(value.session) : undefined;
}
