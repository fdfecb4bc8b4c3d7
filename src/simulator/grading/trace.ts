import { hasRole, signedInUser } from "../model/queries.ts";
import type { ApplyResult } from "../model/result.ts";
import type { TimedAction } from "../model/replay.ts";
import { sameRoles } from "../model/roles.ts";
import type { State } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import { actionSteps } from "../process/action-steps.ts";
import { contactIsAdministrator, contactUser, stepChecks } from "../process/checks.ts";
import { affectedSteps } from "../process/relevance.ts";
import { isRequired, type StepState } from "../process/status.ts";
import { leafStepIds, leavesOf, phaseSteps, stepIds, type LeafStepId } from "../process/steps.ts";
import { customerAddresses } from "../scenarios/people.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { finding, type Finding } from "./finding.ts";
import { normaliseEmail } from "../model/email.ts";

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
	/**
	 * Per leaf step: when it got done, or null if it is not done. A step is done while its check holds
	 * and it is the trainee's own work: the check held from the start, or the trainee took an accepted
	 * action of that step. Ordering with the customer's address leaves the customer as the only
	 * notification recipient, but nobody set the notifications up, so that step stays open.
	 */
	readonly done: Readonly<Record<LeafStepId, StepTiming | null>>;
	/** Per leaf step: whether it can count as done (held at the start, or worked on by the trainee). */
	readonly credited: Readonly<Record<LeafStepId, boolean>>;
	/**
	 * The accepted events, newest first, with what each worked on: a step (`step:<id>`) or an item
	 * (`label:<name key>`, `configuration:…`, `integration:…`, `user:<address>`), so a finding about
	 * the end state can point at the action that caused it (`lastEvents`). A linked list, so that
	 * recording an event costs the same however long the log is.
	 */
	readonly touches: Touch | null;
	/** The first accepted save of the notification recipients, to compare with the handover. */
	readonly firstRecipientsSave: StepTiming | null;
}

/** One accepted event in `Trace.touches`. */
export interface Touch {
	readonly event: number;
	readonly keys: readonly string[];
	readonly previous: Touch | null;
}

/**
 * For each of the given step and item keys, the index of the last accepted event that worked on
 * it. Walks back from the newest event and stops once every key is found, so an attempt with few
 * findings about recent work costs little however long its log.
 */
export function lastEvents(trace: Trace, keys: ReadonlySet<string>): ReadonlyMap<string, number> {
	const last = new Map<string, number>();
	for (let touch = trace.touches; touch !== null && last.size < keys.size; touch = touch.previous) {
		for (const key of touch.keys) {
			if (keys.has(key) && !last.has(key)) last.set(key, touch.event);
		}
	}
	return last;
}

export interface Observation {
	readonly trace: Trace;
	/** History findings this event caused: what the coach should point out now. */
	readonly findings: readonly Finding[];
}

export function createTrace(s: Scenario, state: State): Trace {
	const done = {} as Record<LeafStepId, StepTiming | null>;
	const credited = {} as Record<LeafStepId, boolean>;
	for (const leaf of leafStepIds) {
		credited[leaf] = stepChecks[leaf](s, state);
		done[leaf] = credited[leaf] ? { at: null, event: null } : null;
	}
	return {
		events: 0,
		refusals: 0,
		findings: [],
		done,
		credited,
		touches: null,
		firstRecipientsSave: null,
	};
}

/** The name key of the item with this id, or none. */
function itemName(items: readonly { id: string; name: string }[], id: string | null): string[] {
	for (const item of items) if (item.id === id) return [nameKey(item.name)];
	return [];
}

/** An edit touches the item under its old name and under the name it gets. */
function renamed(
	kind: string,
	items: readonly { id: string; name: string }[],
	id: string,
	name: string,
): string[] {
	return [...itemName(items, id), nameKey(name)].map((k) => `${kind}:${k}`);
}

/** The item keys an accepted action worked on (see `Trace.touches`). */
function itemKeys(before: State, event: TimedAction): string[] {
	const action = event.action;
	switch (action.type) {
		// Every list's item is keyed "<kind>:<name key>".
		case "create-label":
			return [`label:${nameKey(action.name)}`];
		case "edit-label":
			return renamed("label", before.labels, action.labelId, action.name);
		case "create-configuration":
			return [`configuration:${nameKey(action.name)}`];
		case "edit-configuration":
			return renamed("configuration", before.configurations, action.configurationId, action.name);
		case "start-configuration":
		case "stop-configuration":
			return itemName(before.configurations, action.configurationId).map(
				(k) => `configuration:${k}`,
			);
		case "create-integration":
			return [`integration:${nameKey(action.name)}`];
		case "edit-integration":
			return renamed("integration", before.integrations, action.integrationId, action.name);
		case "invite-guest-user":
		case "add-user":
			return [`user:${normaliseEmail(action.email)}`];
		case "set-user-roles":
		case "remove-user":
		case "edit-user": {
			for (const user of before.users) if (user.id === action.userId) return [`user:${user.email}`];
			return [];
		}
		default:
			return [];
	}
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
					// The finding links the section explaining why; its text names the open step.
					found.push(
						finding("invited-before-preparation", {
							subject: leaf,
							params: { step: leaf },
							event: index,
						}),
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
		return record(trace, found, { refusals: trace.refusals + 1 });
	}

	const after = result.state;
	if (after.mailbox.length > before.mailbox.length) {
		found.push(...invitationFindings(s, before, after, event, index));
	}
	const firstRecipientsSave =
		trace.firstRecipientsSave === null && event.action.type === "set-notification-recipients"
			? { at: event.at, event: index }
			: trace.firstRecipientsSave;

	const own = actionSteps(s, before, event.action);
	let credited = trace.credited;
	for (const leaf of own) {
		if (!credited[leaf]) credited = { ...credited, [leaf]: true };
	}
	const keys = itemKeys(before, event);
	for (const leaf of own) keys.push(`step:${leaf}`);
	const touches: Touch = { event: index, keys, previous: trace.touches };

	// Only checks that read a changed part of the state can change their answer; a step the trainee
	// just took up for the first time is checked too, as it may have held without their doing.
	let check: readonly LeafStepId[] = affectedSteps(s, before, after);
	if (credited !== trace.credited) {
		const more = new Set<LeafStepId>(check);
		for (const leaf of own) if (!trace.credited[leaf]) more.add(leaf);
		check = leafStepIds.filter((leaf) => more.has(leaf));
	}
	let done = trace.done;
	for (const leaf of check) {
		const holds = credited[leaf] && stepChecks[leaf](s, after);
		if (holds === (done[leaf] !== null)) continue;
		if (done === trace.done) done = { ...done };
		(done as Record<LeafStepId, StepTiming | null>)[leaf] = holds
			? { at: event.at, event: index }
			: null;
	}
	return record(trace, found, { done, credited, touches, firstRecipientsSave });
}

function record(
	trace: Trace,
	found: readonly Finding[],
	changes: Partial<Omit<Trace, "events" | "findings">>,
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
	const next: Trace = { ...trace, ...changes, events: trace.events + 1, findings };
	return { trace: next, findings: fresh };
}

/**
 * The checklist: every step in procedure order with whether it is done, as the trace has it, so a
 * step ticks only when the trainee's own actions did it (see `Trace.done`).
 */
export function traceStatus(s: Scenario, trace: Trace): StepState[] {
	return stepIds.map((id) => ({
		id,
		required: isRequired(s, id),
		done: leavesOf(id).every((leaf) => trace.done[leaf] !== null),
	}));
}
