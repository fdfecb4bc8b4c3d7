import "../../simulator/zod-messages.ts";
import { createHash } from "node:crypto";
import {
	attemptScenario,
	evaluateAttempt as evaluate,
	type Attempt,
	type Evaluation as CoreEvaluation,
} from "../../simulator/attempt/index.ts";
import { referenceFloorMs } from "../../simulator/attempt/plausibility.ts";
import type { Scenario } from "../../simulator/scenarios/schema.ts";

/** An attempt as the server judges it (see the core's `evaluateAttempt`), with its digest. */
export type Evaluation =
	| (Extract<CoreEvaluation, { ok: true }> & { readonly digest: string })
	| Extract<CoreEvaluation, { ok: false }>;

/**
 * Concrete scenarios by id and seed. Deriving a variant (names, addresses) costs about as much as
 * grading a short log, and a cohort sends the same few again and again. Bounded, oldest out first.
 */
const variants = new Map<string, Scenario | undefined>();
const maxVariants = 1000;

function scenarioOf(attempt: Attempt): Scenario | undefined {
	const key = `${attempt.scenario.id}\u0000${attempt.scenario.seed}`;
	if (variants.has(key)) return variants.get(key);
	const scenario = attemptScenario(attempt);
	if (variants.size >= maxVariants) variants.delete(variants.keys().next().value as string);
	variants.set(key, scenario);
	return scenario;
}

export function digestOf(attempt: Attempt): string {
	return createHash("sha256").update(JSON.stringify(attempt)).digest("hex");
}

/** Validates a parsed JSON value as an attempt and regrades it, as the core does everywhere. */
export function evaluateAttempt(value: unknown): Evaluation {
	const evaluation = evaluate(value, scenarioOf);
	return evaluation.ok ? { ...evaluation, digest: digestOf(evaluation.attempt) } : evaluation;
}

const floors = new Map<string, number>();

/**
 * The least time a person needs for the attempt's scenario and start point (see
 * `referenceFloorMs`), cached like the variants; 0 for a scenario the server does not know.
 */
export function humanFloorOf(attempt: Attempt): number {
	const key = `${attempt.scenario.id}\u0000${attempt.scenario.seed}\u0000${attempt.scenario.start ?? ""}`;
	const cached = floors.get(key);
	if (cached !== undefined) return cached;
	const scenario = scenarioOf(attempt);
	const floor = scenario === undefined ? 0 : referenceFloorMs(scenario, attempt.scenario.start);
	if (floors.size >= maxVariants) floors.delete(floors.keys().next().value as string);
	floors.set(key, floor);
	return floor;
}
