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
import {
	builtInScenarios,
	withOwnScenario,
	type ScenarioSource,
} from "../../simulator/scenarios/source.ts";
import type { ScenarioStore } from "../scenarios/store.ts";

/** An attempt as the server judges it (see the core's `evaluateAttempt`), with its digest. */
export type Evaluation =
	| (Extract<CoreEvaluation, { ok: true }> & {
			readonly digest: string;
			/** Where its scenario was found, for the next looks at it (the plausibility floor). */
			readonly source: ScenarioSource;
	  })
	| Extract<CoreEvaluation, { ok: false }>;

/**
 * Concrete scenarios by id, version and seed. Deriving a variant (names, addresses) costs about as
 * much as grading a short log, and a cohort sends the same few again and again. Bounded, oldest
 * out first. A version never changes once published, so an entry never goes stale.
 */
const variants = new Map<string, Scenario | undefined>();
const maxVariants = 1000;

const keyOf = (attempt: Pick<Attempt, "scenario">, ...more: string[]) =>
	[attempt.scenario.id, attempt.scenario.version ?? "", attempt.scenario.seed, ...more].join(
		"\u0000",
	);

function scenarioOf(attempt: Attempt, source: ScenarioSource): Scenario | undefined {
	const key = keyOf(attempt);
	if (variants.has(key)) return variants.get(key);
	const scenario = attemptScenario(attempt, source);
	if (variants.size >= maxVariants) variants.delete(variants.keys().next().value as string);
	variants.set(key, scenario);
	return scenario;
}

export function digestOf(attempt: Attempt): string {
	return createHash("sha256").update(JSON.stringify(attempt)).digest("hex");
}

/**
 * Where an attempt's scenario is: the built-in ones, and for an attempt that names a trainer's
 * scenario version, that version read from the score store (unvalidated input only picks what
 * to read; `evaluate` then checks the attempt whole).
 */
async function sourceFor(
	value: unknown,
	scenarios: Pick<ScenarioStore, "version">,
): Promise<ScenarioSource> {
	const named = (value as { scenario?: { id?: unknown; version?: unknown } } | null)?.scenario;
	if (typeof named?.id !== "string" || typeof named.version !== "number") return builtInScenarios;
	if (!Number.isInteger(named.version) || named.id.length > 100) return builtInScenarios;
	const found = await scenarios.version(named.id, named.version);
	return found === undefined ? builtInScenarios : withOwnScenario(found.scenario, found.version);
}

/** Validates a parsed JSON value as an attempt and regrades it, as the core does everywhere. */
export async function evaluateAttempt(
	value: unknown,
	scenarios: Pick<ScenarioStore, "version">,
): Promise<Evaluation> {
	const source = await sourceFor(value, scenarios);
	const evaluation = evaluate(value, (attempt) => scenarioOf(attempt, source));
	return evaluation.ok
		? { ...evaluation, digest: digestOf(evaluation.attempt), source }
		: evaluation;
}

const floors = new Map<string, number>();

/**
 * The least time a person needs for the attempt's scenario and start point (see
 * `referenceFloorMs`), cached like the variants; 0 for a scenario the server does not know.
 */
export function humanFloorOf(attempt: Attempt, source: ScenarioSource = builtInScenarios): number {
	const key = keyOf(attempt, attempt.scenario.start ?? "");
	const cached = floors.get(key);
	if (cached !== undefined) return cached;
	const scenario = scenarioOf(attempt, source);
	const floor = scenario === undefined ? 0 : referenceFloorMs(scenario, attempt.scenario.start);
	if (floors.size >= maxVariants) floors.delete(floors.keys().next().value as string);
	floors.set(key, floor);
	return floor;
}
