import * as z from "zod/mini";
import { joinCodeLength } from "./join-code.ts";

/**
 * What a trainee's browser and the score server exchange about cohorts: the assignment a join
 * code opens (here), the attempt the server issues for it (`issued-attempt.ts`) and the error
 * codes of a refusal (`error-codes.ts`). A trainer's cohort settings stay on the server
 * (`src/server/cohorts/`).
 */

/** A trainer's own scenario's title and summary in one language, for the trainee's picker. */
const ownTitleSchema = z.object({
	title: z.string().check(z.maxLength(120)),
	summary: z.string().check(z.maxLength(300)),
});

/** What a join code opens: the cohort's name, when it is open, and what it assigns. */
export const assignmentSchema = z.object({
	code: z.string().check(z.maxLength(joinCodeLength.max)),
	name: z.string().check(z.minLength(1), z.maxLength(100)),
	opensAt: z.iso.datetime({ offset: true }),
	closesAt: z.iso.datetime({ offset: true }),
	/** The assigned scenarios, by id, in the trainer's order. */
	scenarios: z.array(z.string().check(z.maxLength(100))).check(z.minLength(1), z.maxLength(20)),
	/** Whether practice runs of the assigned scenarios are offered too. */
	practice: z.boolean(),
	/** Whether those practice runs are sent to the server (they never count towards pass rates). */
	collectPractice: z.boolean(),
	/**
	 * The assigned scenarios that are a trainer's own, by id: their title and summary in each
	 * language they have (a built-in scenario's are in the texts). One without the trainee's
	 * language is not offered to them.
	 */
	own: z.optional(
		z.record(
			z.string().check(z.maxLength(100)),
			z.object({ de: z.optional(ownTitleSchema), en: z.optional(ownTitleSchema) }),
		),
	),
});
export type Assignment = z.infer<typeof assignmentSchema>;

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
