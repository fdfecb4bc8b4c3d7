import { replay, type ReplayResult, type TimedAction } from "../model/replay.ts";
import type { State } from "../model/state.ts";
import { isRequired, stepStatus, type StepState } from "../process/status.ts";
import { nameKey } from "../model/text.ts";
import {
	isPhase,
	leafStepIds,
	leavesOf,
	parentOf,
	phaseSteps,
	stepIds,
	type StepId,
} from "../process/steps.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { startPoint } from "../scenarios/start.ts";
import { endStateFindings } from "./end-state.ts";
import { finding, type Finding } from "./finding.ts";
import {
	maxScore,
	passMark,
	refusalAllowance,
	rubric,
	ruleOf,
	severities,
	type RuleId,
} from "./rubric.ts";
import { createTrace, lastEvents, observe, type StepTiming, type Trace } from "./trace.ts";

export interface StepResult {
	readonly id: StepId;
	/** False if the scenario needs nothing for this step (such steps count as done). */
	readonly required: boolean;
	readonly done: boolean;
	/** When it got done: the event's time, or null if done from the start (or not done). */
	readonly at: string | null;
	/** Index of that event in the trainee's log, or null. */
	readonly event: number | null;
}

export interface GradeResult {
	readonly score: number;
	readonly passed: boolean;
	/** Every step's end-state check holds at the end. */
	readonly checksMet: boolean;
	readonly findings: readonly Finding[];
	readonly steps: readonly StepResult[];
	/** Points each rule deducted after its cap, for rules with findings. */
	readonly deductions: readonly { readonly rule: RuleId; readonly points: number }[];
	readonly events: number;
	readonly refusals: number;
}

export interface GradeOptions {
	/** The step the attempt started at; the reference solution up to it is replayed first. */
	readonly start?: StepId | undefined;
	/**
	 * Grade only this step (a one-step exercise): its findings and those about the attempt as a
	 * whole, with the same points, caps and pass rule as a full grade, and only its checks must hold.
	 */
	readonly focus?: StepId | undefined;
	readonly hintsUsed?: number | undefined;
}

/**
 * The steps a focus covers: the step itself and its leaves (a phase stands for its steps); findings
 * also count when they concern the phase the focused step belongs to.
 */
function focusSteps(
	focus: StepId | undefined,
): { readonly steps: ReadonlySet<StepId>; readonly findings: ReadonlySet<StepId> } | null {
	if (focus === undefined) return null;
	const steps = new Set<StepId>([focus, ...leavesOf(focus)]);
	const parent = parentOf(focus);
	return { steps, findings: parent === null ? steps : new Set([...steps, parent]) };
}

/** The key of `lastEvents(trace)` that says which action an end-state finding comes from. */
function causeKey(f: Finding): string | null {
	const kind = /^(label|configuration|integration)-(missing|wrong)$/.exec(f.rule)?.[1];
	if (kind !== undefined) return `${kind}:${nameKey(String(f.params["name"] ?? ""))}`;
	if (
		f.rule === "user-missing" ||
		f.rule === "user-wrong-roles" ||
		f.rule === "unknown-user-remains"
	) {
		return `user:${String(f.params["address"] ?? "")}`;
	}
	return f.step === null || isPhase(f.step) ? null : `step:${f.step}`;
}

/** End-state findings point at the last action on their item or step, if there was one. */
function withCause(last: ReadonlyMap<string, number>, f: Finding): Finding {
	if (f.event !== null) return f;
	const key = causeKey(f);
	const event = key === null ? undefined : last.get(key);
	return event === undefined ? f : { ...f, event };
}

const severityRank = new Map<string, number>(severities.map((s, i) => [s, i]));
const ruleRank = new Map<string, number>(rubric.map((r, i) => [r.id, i]));

function compareFindings(a: Finding, b: Finding): number {
	return (
		(severityRank.get(a.severity) ?? 0) - (severityRank.get(b.severity) ?? 0) ||
		(ruleRank.get(a.rule) ?? 0) - (ruleRank.get(b.rule) ?? 0) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** The later of two timings; "done from the start" counts as earliest. */
function later(a: StepTiming, b: StepTiming): StepTiming {
	return (a.event ?? -1) >= (b.event ?? -1) ? a : b;
}

/**
 * The recipients were first saved before the handover was complete. If the handover never
 * completes, the critical findings about it say what matters, so this minor one is not added.
 */
function notificationsBeforeHandover(trace: Trace): Finding | null {
	const save = trace.firstRecipientsSave;
	const timings = phaseSteps["transfer-ownership"].map((leaf) => trace.done[leaf]);
	if (save === null || timings.some((t) => t === null)) return null;
	const handover = (timings as StepTiming[]).reduce(later);
	if (handover.event === null || (save.event ?? -1) > handover.event) return null;
	return finding("notifications-before-handover", { event: save.event });
}

function stepResults(s: Scenario, trace: Trace): StepResult[] {
	return stepIds.map((id) => {
		const timings = leavesOf(id).map((leaf) => trace.done[leaf]);
		const done = timings.every((t) => t !== null);
		const last = done ? (timings as StepTiming[]).reduce(later) : null;
		return {
			id,
			required: isRequired(s, id),
			done,
			at: last?.at ?? null,
			event: last?.event ?? null,
		};
	});
}

/**
 * The grade if the attempt ended now: history findings from the trace, end-state findings from the
 * state, refusals beyond the allowance and hints used; the score and the pass decision.
 */
export function conclude(
	s: Scenario,
	trace: Trace,
	state: State,
	options: Pick<GradeOptions, "hintsUsed" | "focus"> = {},
): GradeResult {
	const focus = focusSteps(options.focus);
	const inFocus = (step: StepId | null) =>
		focus === null || step === null || focus.findings.has(step);
	// A wrong invitation the trainee made is already a finding; the user it left behind is the same
	// mistake. Only a stray user the trainee found in the account (a situation) counts on its own.
	const invitedWrongly = new Set(
		trace.findings
			.filter((f) => f.rule === "invited-wrong-address")
			.map((f) => f.params["address"]),
	);
	const endState = endStateFindings(s, state).filter(
		(f) => !(f.rule === "unknown-user-remains" && invitedWrongly.has(f.params["address"])),
	);
	const keys = new Set<string>();
	for (const f of endState) {
		const key = causeKey(f);
		if (key !== null) keys.add(key);
	}
	const last = keys.size === 0 ? new Map<string, number>() : lastEvents(trace, keys);
	const findings = [...trace.findings, ...endState.map((f) => withCause(last, f))];
	const early = notificationsBeforeHandover(trace);
	if (early !== null) findings.push(early);
	if (trace.refusals > refusalAllowance) {
		const extra = trace.refusals - refusalAllowance;
		findings.push(
			finding("refusals-beyond-allowance", {
				params: { count: trace.refusals, allowed: refusalAllowance },
				points: extra * ruleOf("refusals-beyond-allowance").points,
			}),
		);
	}
	const hints = options.hintsUsed ?? 0;
	if (hints > 0) {
		findings.push(
			finding("hints-used", {
				params: { count: hints, points: ruleOf("hints-used").points },
				points: hints * ruleOf("hints-used").points,
			}),
		);
	}
	const counted = findings.filter((f) => inFocus(f.step));
	counted.sort(compareFindings);

	const perRule = new Map<RuleId, number>();
	for (const f of counted) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + f.points);
	const deductions = [...perRule].map(([rule, points]) => ({
		rule,
		points: Math.min(points, ruleOf(rule).cap),
	}));
	const score = Math.max(0, maxScore - deductions.reduce((sum, d) => sum + d.points, 0));
	const checksMet = leafStepIds.every(
		(leaf) => !(focus?.steps.has(leaf) ?? true) || trace.done[leaf] !== null,
	);
	const critical = counted.some((f) => f.severity === "critical");
	return {
		score,
		passed: !critical && checksMet && score >= passMark,
		checksMet,
		findings: counted,
		steps: stepResults(s, trace).filter((step) => focus?.steps.has(step.id) ?? true),
		deductions,
		events: trace.events,
		refusals: trace.refusals,
	};
}

/**
 * Grades an event log against a concrete (varied) scenario by replaying it from the scenario's start
 * state, each event at its recorded time. Pure and deterministic: recorded outcomes and claimed
 * scores play no part, so the server can recompute any result from the log alone.
 */
export function grade(
	s: Scenario,
	events: readonly TimedAction[],
	options: GradeOptions = {},
): GradeResult {
	return gradeLog(s, events, options).result;
}

/**
 * `grade`, and each event's outcome (null, or the refusal) from the same single replay: the server
 * checks the recorded outcomes against these without walking the log a second time.
 */
export function gradeLog(
	s: Scenario,
	events: readonly TimedAction[],
	options: GradeOptions = {},
): { readonly result: GradeResult; readonly outcomes: ReplayResult["outcomes"] } {
	const start = startPoint(s, options.start).state;
	let trace = createTrace(s, start);
	const { state, outcomes } = replay(start, events, (before, event, result) => {
		trace = observe(s, trace, before, event, result).trace;
	});
	return { result: conclude(s, trace, state, options), outcomes };
}

/** The live view for the checklist and coach: step states and end-state findings, no history. */
export function evaluate(
	s: Scenario,
	state: State,
): { readonly steps: StepState[]; readonly findings: Finding[] } {
	return { steps: stepStatus(s, state), findings: endStateFindings(s, state) };
}
