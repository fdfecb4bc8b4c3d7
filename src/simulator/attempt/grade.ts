import type { Refusal } from "../model/refusal.ts";
import { gradeLog, type GradeResult } from "../grading/grade.ts";
import { gradeOptions } from "./grade-options.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { builtInScenarios, type ScenarioSource } from "../scenarios/source.ts";
import { variant } from "../scenarios/variant.ts";
import { attemptProblem, attemptSchema, type Attempt } from "./schema.ts";

export { gradeOptions } from "./grade-options.ts";

/**
 * The concrete scenario an attempt was made on (its variant), or undefined if `source` does not
 * know the scenario at the version the attempt names.
 */
export function attemptScenario(
	attempt: Pick<Attempt, "scenario">,
	source: ScenarioSource = builtInScenarios,
): Scenario | undefined {
	const base = source(attempt.scenario.id, attempt.scenario.version);
	return base === undefined ? undefined : variant(base, attempt.scenario.seed);
}

/** An attempt as judged from its file: never by its claimed score, always by replaying its log. */
export type Evaluation =
	| {
			readonly ok: true;
			readonly attempt: Attempt;
			readonly grade: GradeResult;
			/** Why the log is not what the simulator recorded, or null if it replays as recorded. */
			readonly replayProblem: string | null;
	  }
	| {
			readonly ok: false;
			readonly error: "invalid-attempt" | "unknown-scenario";
			readonly message: string;
	  };

/**
 * The one way to grade an attempt file, for the server, the CLI and the tests: validate it, find
 * its scenario (`scenarioOf` lets the server use its cache) and grade it with one replay that also
 * checks the recorded outcomes.
 */
export function evaluateAttempt(
	value: unknown,
	scenarioOf: (attempt: Attempt) => Scenario | undefined = attemptScenario,
): Evaluation {
	const parsed = attemptSchema.safeParse(value);
	if (!parsed.success) {
		return {
			ok: false,
			error: "invalid-attempt",
			message: attemptProblem(value) ?? "invalid attempt",
		};
	}
	const attempt = parsed.data;
	const scenario = scenarioOf(attempt);
	if (scenario === undefined) {
		return {
			ok: false,
			error: "unknown-scenario",
			message:
				attempt.scenario.version === undefined
					? `scenario.id: unknown scenario ${JSON.stringify(attempt.scenario.id)}`
					: `scenario: unknown scenario ${JSON.stringify(attempt.scenario.id)} version ${attempt.scenario.version}`,
		};
	}
	const { result, outcomes } = gradeLog(scenario, attempt.events, gradeOptions(attempt));
	return {
		ok: true,
		attempt,
		grade: result,
		replayProblem: replayProblem(attempt, outcomes),
	};
}

/** Grades a validated attempt; undefined if its scenario is unknown. */
export function gradeAttempt(
	attempt: Attempt,
	source: ScenarioSource = builtInScenarios,
): GradeResult | undefined {
	// Already validated: grade it as `evaluateAttempt` does, without checking the file again.
	const scenario = attemptScenario(attempt, source);
	return scenario && gradeLog(scenario, attempt.events, gradeOptions(attempt)).result;
}

/**
 * Whether a log replays as the simulator recorded it: times never run backwards and stay within
 * the attempt's start and end, and every recorded outcome ("ok" or a refusal code) is what the model
 * answers now (`outcomes`, from the grading replay). A hand-edited log (an action made up, a refusal
 * turned into "ok") fails here even when its events are each well-formed.
 */
export function replayProblem(
	attempt: Attempt,
	outcomes: readonly (Refusal | null)[],
): string | null {
	const started = Date.parse(attempt.startedAt);
	const finished = attempt.finishedAt === undefined ? null : Date.parse(attempt.finishedAt);
	if (finished !== null && finished < started) return "finishedAt is before startedAt";
	let previous = started;
	for (const [index, event] of attempt.events.entries()) {
		const at = Date.parse(event.at);
		if (at < previous) {
			return `events[${index}].at is earlier than ${index === 0 ? "startedAt" : "the event before it"}`;
		}
		if (finished !== null && at > finished) return `events[${index}].at is after finishedAt`;
		previous = at;
	}
	for (const [index, event] of attempt.events.entries()) {
		if (event.outcome === undefined) continue;
		const outcome = outcomes[index];
		const actual = outcome === null || outcome === undefined ? "ok" : outcome.code;
		if (actual !== event.outcome) {
			return `events[${index}] (${event.action.type}) was recorded as "${event.outcome}" but replays as "${actual}"`;
		}
	}
	return null;
}
