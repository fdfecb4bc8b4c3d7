import { getScenario } from "./registry.ts";
import type { Scenario } from "./schema.ts";

/**
 * Where a scenario is found by the id and version an attempt names: a built-in one by its id
 * alone, a trainer's own one by its id and the version the trainee worked on. The browser knows
 * the one it was handed, the server reads versions from the score store; the grader takes the
 * scenario from here and never guesses.
 */
export type ScenarioSource = (id: string, version: number | undefined) => Scenario | undefined;

/** The built-in scenarios. They have no versions: an attempt that names one is not theirs. */
export const builtInScenarios: ScenarioSource = (id, version) =>
	version === undefined ? getScenario(id) : undefined;

/**
 * The built-in scenarios and one more: a trainer's scenario at the version given (or, in a
 * trainer's preview of a draft, at none).
 */
export function withOwnScenario(own: Scenario, ownVersion: number | undefined): ScenarioSource {
	return (id, version) =>
		id === own.id ? (version === ownVersion ? own : undefined) : builtInScenarios(id, version);
}
