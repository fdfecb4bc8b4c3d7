import type { AttemptEvent } from "../../../src/simulator/attempt/schema.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import type { Scenario } from "../../../src/simulator/scenarios/schema.ts";
import { solve } from "../../../src/simulator/scenarios/solution.ts";
import { startAt } from "../../../src/simulator/scenarios/start.ts";

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
	const { scenario, state } = startAt(source, seed);
	const events = solve(source, seed).map(({ at, action }) => ({ at, action }));
	return { scenario, start: state, events };
}
