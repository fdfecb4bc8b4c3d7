import * as z from "zod/mini";
import { scenarioSchema } from "./schema.ts";

/** Where the site serves the scenario file's JSON Schema, and a file may name it in `$schema`. */
export const scenarioJsonSchemaPath = "/schemas/scenario.schema.json";

/**
 * The JSON Schema of a scenario file, generated from the zod schema, so an editor completes and
 * checks a file while it is written. It describes the shape; the scenario's own rules (references
 * that resolve, addresses at the customer's domain) and the proofs of fairness run in
 * `npm run scenario:check` and in the dashboard's editor.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
	const generated = z.toJSONSchema(scenarioSchema, { io: "input" }) as Record<string, unknown>;
	const properties = generated["properties"] as Record<string, unknown>;
	return {
		...generated,
		title: "Staging Trainer scenario",
		// A file may name this schema for its editor; the scenario itself ignores the key.
		properties: { $schema: { type: "string" }, ...properties },
	};
}
