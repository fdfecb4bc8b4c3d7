import { hasRole, signedInUser } from "../model/queries.ts";
import type { ApplyResult } from "../model/result.ts";
import type { TimedAction } from "../model/replay.ts";
import { sameRoles } from "../model/roles.ts";
import type { State } from "../model/state.ts";
import { contactIsAdministrator, contactUser, stepChecks } from "../process/checks.ts";
import { affectedSteps } from "../process/relevance.ts";
import { leafStepIds, phaseSteps, type LeafStepId } from "../process/steps.ts";
import { customerAddresses } from "../scenarios/people.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { finding, type Finding } from "./finding.ts";

/** When a step's check last became true: the event's time and index, or null/null for the start state. */
export interface StepTiming {
	readonly at: string | null;
	readonly event: number | null;
}

/**
 * What the grader remembers while an attempt runs: findings that depend on the order of events (they
 * cannot be read off the final state), refusals, and when each step got done. The browser keeps one
 * next to the session state and feeds it every action; `grade` folds a whole log through it.
 * Whether notifications were set before the handover is only known once the handover is complete,
 * so `conclude` decides that from `firstRecipientsSave` and the handover's timing.
 */
export interface Trace {
	/** Number of trainee events observed so far. */
	readonly events: number;
	readonly refusals: number;
	/** History findings in the order they happened, each id at most once. */
	readonly findings: readonly Finding[];
	/** Per leaf step: when its check became true (and stayed true), or null if it does not hold. */
	readonly done: Readonly<Record<LeafStepId, StepTiming | null>>;
	/** The first accepted save of the notification recipients, to compare with the handover. */
	readonly firstRecipientsSave: StepTiming | null;
}

export interface Observation {
	readonly trace: Trace;
	/** History findings this event caused: what the coach should point out now. */
	readonly findings: readonly Finding[];
}

export function createTrace(s: Scenario, state: State): Trace {
	const done = {} as Record<LeafStepId, StepTiming | null>;
	for (const leaf of leafStepIds) {
		done[leaf] = stepChecks[leaf](s, state) ? { at: null, event: null } : null;
	}
	return { events: 0, refusals: 0, findings: [], done, firstRecipientsSave: null };
}

const preparation: readonly LeafStepId[] = phaseSteps["prepare-environment"];

/** The partner trying to give up Administration (or to leave) while the contact is no administrator. */
function stepsDownTooEarly(s: Scenario, before: State, event: TimedAction): boolean {
	const self = before.signedInUserId;
	if (self === null) return false;
	const action = event.action;
	const leaving =
		(action.type === "set-user-roles" &&
			action.userId === self &&
			!action.roles.includes("administration")) ||
		(action.type === "remove-user" && action.userId === self);
	return (
		leaving && hasRole(signedInUser(before), "administration") && !contactIsAdministrator(s, before)
	);
}

function invitationFindings(
	s: Scenario,
	before: State,
	after: State,
	event: TimedAction,
	index: number,
): Finding[] {
	const found: Finding[] = [];
	const contact = contactUser(s, after);
	const known = customerAddresses(s);
	for (let m = before.mailbox.length; m < after.mailbox.length; m++) {
		const mail = after.mailbox[m];
		if (mail === undefined || mail.kind !== "invitation") continue;
		if (contact !== undefined && mail.userId === contact.id) {
			// The invitation gives the customer access: the preparation must be complete by then.
			for (const leaf of preparation) {
				if (!stepChecks[leaf](s, before)) {
					found.push(
						finding("invited-before-preparation", { subject: leaf, step: leaf, event: index }),
					);
				}
			}
			const action = event.action;
			if (
				action.type === "invite-guest-user" &&
				!sameRoles(action.roles, s.customer.contactRoles)
			) {
				found.push(
					finding("invited-wrong-roles", { params: { address: contact.email }, event: index }),
				);
			}
		} else {
			const address = mail.to[0] ?? "";
			if (!known.has(address)) {
				found.push(
					finding("invited-wrong-address", { subject: address, params: { address }, event: index }),
				);
			}
		}
	}
	return found;
}

/** Feeds one event and the reducer's answer to it into the trace. Pure: returns a new trace. */
export function observe(
	s: Scenario,
	trace: Trace,
	before: State,
	event: TimedAction,
	result: ApplyResult,
): Observation {
	const index = trace.events;
	const found: Finding[] = [];
	if (stepsDownTooEarly(s, before, event)) {
		found.push(finding("stepped-down-too-early", { event: index }));
	}
	if (!result.ok) {
		return record(trace, found, trace.refusals + 1, trace.done, trace.firstRecipientsSave);
	}

	const after = result.state;
	if (after.mailbox.length > before.mailbox.length) {
		found.push(...invitationFindings(s, before, after, event, index));
	}
	const firstRecipientsSave =
		trace.firstRecipientsSave === null && event.action.type === "set-notification-recipients"
			? { at: event.at, event: index }
			: trace.firstRecipientsSave;

	// Only checks that read a changed part of the state can change their answer.
	let done = trace.done;
	for (const leaf of affectedSteps(s, before, after)) {
		const holds = stepChecks[leaf](s, after);
		if (holds === (done[leaf] !== null)) continue;
		if (done === trace.done) done = { ...done };
		(done as Record<LeafStepId, StepTiming | null>)[leaf] = holds
			? { at: event.at, event: index }
			: null;
	}
	return record(trace, found, trace.refusals, done, firstRecipientsSave);
}

function record(
	trace: Trace,
	found: readonly Finding[],
	refusals: number,
	done: Trace["done"],
	firstRecipientsSave: StepTiming | null,
): Observation {
	let findings = trace.findings;
	let fresh: readonly Finding[] = found;
	if (found.length > 0) {
		const known = new Set(trace.findings.map((f) => f.id));
		fresh = found.filter((f) => {
			if (known.has(f.id)) return false;
			known.add(f.id);
			return true;
		});
		findings = [...trace.findings, ...fresh];
	}
	const next = { events: trace.events + 1, refusals, findings, done, firstRecipientsSave };
	return { trace: next, findings: fresh };
}
