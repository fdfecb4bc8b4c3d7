import bottlingLine from "../../content/scenarios/bottling-line.json" with { type: "json" };
import customerAsksOwnAddress from "../../content/scenarios/customer-asks-own-address.json" with { type: "json" };
import earlyStepDown from "../../content/scenarios/early-step-down.json" with { type: "json" };
import invitedWithoutAdministration from "../../content/scenarios/invited-without-administration.json" with { type: "json" };
import typoRecovery from "../../content/scenarios/typo-recovery.json" with { type: "json" };
import firstHandover from "../../content/scenarios/first-handover.json" with { type: "json" };
import multiSiteErp from "../../content/scenarios/multi-site-erp.json" with { type: "json" };
import warehouseIntegrations from "../../content/scenarios/warehouse-integrations.json" with { type: "json" };
import type { Scenario } from "./schema.ts";

/**
 * All scenarios, sorted by kind and difficulty. Static JSON imports work the same in Vite, Vitest, tsx and
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
	customerAsksOwnAddress,
	invitedWithoutAdministration,
	earlyStepDown,
	typoRecovery,
] as unknown as readonly Scenario[];

/** Staging from scratch first, then decisions, then putting mistakes right; each by difficulty. */
const kindOrder = { staging: 0, judgement: 1, recovery: 2 } as const;

export const scenarios: readonly Scenario[] = [...scenarioFiles].sort(
	(a, b) =>
		kindOrder[a.kind ?? "staging"] - kindOrder[b.kind ?? "staging"] ||
		a.difficulty - b.difficulty ||
		a.id.localeCompare(b.id),
);

export const scenarioIds: readonly string[] = scenarios.map((s) => s.id);

export function listScenarios(): readonly Scenario[] {
	return scenarios;
}

export function getScenario(id: string): Scenario | undefined {
	return scenarios.find((s) => s.id === id);
}
