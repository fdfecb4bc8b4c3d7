import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "../src/simulator/scenarios/json-schema.ts";
import { main } from "./cli-output.ts";

/**
 * npm run scenario:schema
 * Writes the scenario file's JSON Schema to public/schemas/ (served at /schemas/scenario.schema.json).
 * Run it after changing the scenario schema; a unit test fails while the file is out of date.
 */
main(() => {
	const target = new URL("../public/schemas/scenario.schema.json", import.meta.url);
	writeFileSync(target, `${JSON.stringify(scenarioJsonSchema(), null, "\t")}\n`);
	console.log("wrote public/schemas/scenario.schema.json");
});
