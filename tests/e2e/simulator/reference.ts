import type { AttemptEvent } from "../../../src/simulator/attempt.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import type { Scenario } from "../../../src/simulator/scenarios/schema.ts";
import { referenceLog, startState } from "../../../src/simulator/scenarios/solve.ts";
import { variant } from "../../../src/simulator/scenarios/variant.ts";

/** The concrete scenario a stored attempt runs, its start state and the reference solution. */
export function reference(
	scenarioId: string,
	seed: number,
): {
	scenario: Scenario;
	start: State;
	events: AttemptEvent[];
} {
	const source = getScenario(scenarioId);
	if (!source) throw new Error(`unknown scenario ${scenarioId}`);
	const scenario = variant(source, seed);
	const events = referenceLog(scenario).map(({ at, action }) => ({ at, action }));
	return { scenario, start: startState(scenario), events };
}
