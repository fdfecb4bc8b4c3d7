import bottlingLine from "../../content/scenarios/bottling-line.json" with { type: "json" };
import firstHandover from "../../content/scenarios/first-handover.json" with { type: "json" };
import multiSiteErp from "../../content/scenarios/multi-site-erp.json" with { type: "json" };
import warehouseIntegrations from "../../content/scenarios/warehouse-integrations.json" with { type: "json" };
import type { Scenario } from "./schema.ts";

/**
 * All scenarios, sorted by difficulty. Static JSON imports work the same in Vite, Vitest, tsx and
 * Node; a new scenario file must be added here (a test checks the folder).
 *
 * The files are validated where they enter the product, not on every page load: the build checks
 * them with `scenarioSchema` (the `scenarios` content collection), and a unit test checks that the
 * schema accepts each file exactly as written. That keeps the schema out of the browser's bundle.
 */
export const scenarioFiles = [
	firstHandover,
	bottlingLine,
	warehouseIntegrations,
	multiSiteErp,
] as unknown as readonly Scenario[];

export const scenarios: readonly Scenario[] = [...scenarioFiles].sort(
	(a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id),
);

export const scenarioIds: readonly string[] = scenarios.map((s) => s.id);

export function listScenarios(): readonly Scenario[] {
	return scenarios;
}

export function getScenario(id: string): Scenario | undefined {
	return scenarios.find((s) => s.id === id);
}
