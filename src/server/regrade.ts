import "../simulator/zod-messages.ts";
import { createHash } from "node:crypto";
import { attemptProblem, attemptSchema, type Attempt } from "../simulator/attempt.ts";
import {
	attemptScenario,
	grade,
	gradeOptions,
	type GradeResult,
} from "../simulator/grading/index.ts";
import { replay } from "../simulator/model/replay.ts";
import type { Scenario } from "../simulator/scenarios/schema.ts";
import { startPoint } from "../simulator/scenarios/start.ts";

/** An attempt as the server judges it: never by its claimed score, always by replaying its log. */
export type Evaluation =
	| {
			readonly ok: true;
			readonly attempt: Attempt;
			readonly grade: GradeResult;
			readonly digest: string;
			/** Why the log is not what the simulator recorded, or null if it replays as recorded. */
			readonly replayProblem: string | null;
	  }
	| {
			readonly ok: false;
			readonly error: "invalid-attempt" | "unknown-scenario";
			readonly message: string;
	  };

/**
 * Whether a log replays as the simulator recorded it: times never run backwards and stay within
 * the attempt's start and end, and every recorded outcome ("ok" or a refusal code) is what the model
 * answers now. A hand-edited log (an action made up, a refusal turned into "ok") fails here even
 * when its events are each well-formed.
 */
export function replayProblem(attempt: Attempt, scenario: Scenario): string | null {
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
	const { outcomes } = replay(startPoint(scenario, attempt.scenario.start).state, attempt.events);
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

/** Validates a parsed JSON value as an attempt, regrades it and checks that its log replays. */
export function evaluateAttempt(value: unknown): Evaluation {
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
			message: `scenario.id: unknown scenario ${JSON.stringify(attempt.scenario.id)}`,
		};
	}
	return {
		ok: true,
		attempt,
		// As gradeAttempt does, with the cached variant (a unit test keeps the two equal).
		grade: grade(scenario, attempt.events, gradeOptions(attempt)),
		digest: digestOf(attempt),
		replayProblem: replayProblem(attempt, scenario),
	};
}
