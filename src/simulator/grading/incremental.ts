import { gradeOptions } from "../attempt/grade-options.ts";
import { recordEvent, type Attempt, type AttemptEvent } from "../attempt/schema.ts";
import { actionFeedback } from "./feedback.ts";
import type { Finding } from "./finding.ts";
import { conclude, type GradeResult } from "./grade.ts";
import { createTrace, observe, type Trace } from "./trace.ts";
import { apply } from "../model/apply.ts";
import type { Action } from "../model/actions.ts";
import type { ApplyContext } from "../model/context.ts";
import { replay } from "../model/replay.ts";
import type { ApplyResult } from "../model/result.ts";
import type { State } from "../model/state.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { builtInScenarios, type ScenarioSource } from "../scenarios/source.ts";
import { startAt } from "../scenarios/start.ts";

/**
 * The incremental grader: the running exercise derived from an attempt record, with the concrete
 * scenario, the current state and the grader's trace, extended by one action per click instead of
 * a replay. Pure (no stores, no DOM) so the browser, tests and replays agree exactly.
 */
export interface Runtime {
	readonly attemptId: string;
	readonly scenario: Scenario;
	/** The state the attempt started from, to replay its log (e.g. for the refusals' details). */
	readonly start: State;
	readonly state: State;
	readonly trace: Trace;
	/** The events this runtime has folded in, by identity, to extend it without a full replay. */
	readonly events: readonly AttemptEvent[];
}

/** What one action did: the runtime after it, its event, the model's answer and what it caused. */
export interface ActionOutcome {
	readonly runtime: Runtime;
	readonly event: AttemptEvent;
	readonly result: ApplyResult;
	/**
	 * Findings the action caused: history findings, and for a click (`act`) also the end-state
	 * findings it brought about; what the coach points out at once.
	 */
	readonly findings: readonly Finding[];
}

/** Builds the runtime by replaying the log; undefined when `source` does not know the scenario. */
export function buildRuntime(
	attempt: Attempt,
	source: ScenarioSource = builtInScenarios,
): Runtime | undefined {
	const base = source(attempt.scenario.id, attempt.scenario.version);
	if (!base) return undefined;
	const start = startAt(base, attempt.scenario.seed, attempt.scenario.start);
	let trace = createTrace(start.scenario, start.state);
	const { state } = replay(start.state, attempt.events, (before, event, result) => {
		trace = observe(start.scenario, trace, before, event, result).trace;
	});
	return {
		attemptId: attempt.id,
		scenario: start.scenario,
		start: start.state,
		state,
		trace,
		events: attempt.events,
	};
}

/** Applies one logged event, at its recorded time, exactly as the grader does. */
export function advance(runtime: Runtime, event: AttemptEvent): ActionOutcome {
	const ctx: ApplyContext = { now: () => event.at };
	const result = apply(runtime.state, event.action, ctx);
	const observation = observe(runtime.scenario, runtime.trace, runtime.state, event, result);
	return {
		runtime: {
			...runtime,
			state: result.ok ? result.state : runtime.state,
			trace: observation.trace,
			events: [...runtime.events, event],
		},
		event,
		result,
		findings: observation.findings,
	};
}

/** The event for an action taken now, with the reducer's answer recorded for display. */
export function act(runtime: Runtime, action: Action, at: string): ActionOutcome {
	const taken = advance(runtime, { at, action });
	const event = recordEvent(at, action, taken.result);
	const events = [...runtime.events, event];
	const findings = actionFeedback(
		runtime.scenario,
		runtime.state,
		action,
		taken.result,
		taken.findings,
	);
	return { ...taken, event, findings, runtime: { ...taken.runtime, events } };
}

/**
 * The runtime for an attempt, reusing `previous` when the attempt only appended events to the log
 * it was built from (the usual case after a click), so a click costs one action, not a replay.
 */
export function runtimeFor(
	attempt: Attempt,
	previous?: Runtime,
	source: ScenarioSource = builtInScenarios,
): Runtime | undefined {
	if (previous && previous.attemptId === attempt.id && extends_(attempt.events, previous.events)) {
		let runtime = previous;
		for (const event of attempt.events.slice(previous.events.length)) {
			runtime = advance(runtime, event).runtime;
		}
		return runtime;
	}
	return buildRuntime(attempt, source);
}

function extends_(events: readonly AttemptEvent[], prefix: readonly AttemptEvent[]): boolean {
	if (events.length < prefix.length) return false;
	for (let i = prefix.length - 1; i >= 0; i--) {
		const a = events[i];
		const b = prefix[i];
		if (a === b) return true; // logs share structure up to here
		if (JSON.stringify(a) !== JSON.stringify(b)) return false;
	}
	return true;
}

/** The grade if the attempt ended now, with the same options as every other grading path. */
export function currentGrade(runtime: Runtime, attempt: Attempt): GradeResult {
	return conclude(runtime.scenario, runtime.trace, runtime.state, gradeOptions(attempt));
}
