import bottlingLine from "../../content/scenarios/bottling-line.json" with { type: "json" };
import firstHandover from "../../content/scenarios/first-handover.json" with { type: "json" };
import multiSiteErp from "../../content/scenarios/multi-site-erp.json" with { type: "json" };
import warehouseIntegrations from "../../content/scenarios/warehouse-integrations.json" with { type: "json" };
import { scenarioSchema, type Scenario } from "./schema.ts";

/**
 * All scenarios, validated on load and sorted by difficulty. Static JSON imports work the same in
 * Vite, Vitest, tsx and Node; a new scenario file must be added here (a test checks the folder).
 */
const files: readonly unknown[] = [
	firstHandover,
	bottlingLine,
	warehouseIntegrations,
	multiSiteErp,
];

export const scenarios: readonly Scenario[] = files
	.map((file) => scenarioSchema.parse(file))
	.sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id));

export const scenarioIds: readonly string[] = scenarios.map((s) => s.id);

export function listScenarios(): readonly Scenario[] {
	return scenarios;
}

export function getScenario(id: string): Scenario | undefined {
	return scenarios.find((s) => s.id === id);
}
