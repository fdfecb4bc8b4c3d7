import * as z from "zod/mini";
import { localeSchema } from "../text/locale-schema.ts";
import { scormVersions } from "./scorm.ts";
import { scenarioSchema } from "../scenarios/schema.ts";

/**
 * What a SCORM package's launch page tells its script (a JSON block the packager writes): which
 * scenario, which variant, which SCORM version. Checked on load like any data from outside.
 */
export const packageConfigSchema = z.object({
	/** Names the package's stored session in the browser; the manifest's identifier. */
	id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/)),
	scenarioId: z.string(),
	/** A fixed variant for every learner, or null: each learner's own, from the LMS's learner id. */
	seed: z.nullable(z.number().check(z.int(), z.nonnegative(), z.lte(0xffff_ffff))),
	locale: localeSchema,
	version: z.enum(scormVersions),
	/** A cohort's join code: each attempt names it, as the trainer's other cohort attempts do. */
	joinCode: z.optional(z.string().check(z.maxLength(100))),
	/** A trainer's own scenario, whole, at the version packaged (`scenarioId` is its id). */
	own: z.optional(z.object({ version: z.int().check(z.minimum(1)), scenario: scenarioSchema })),
});
export type PackageConfig = z.infer<typeof packageConfigSchema>;
