import type { AttemptEvent } from "../attempt/schema.ts";
import { grade } from "../grading/grade.ts";
import type { RuleId } from "../grading/rubric.ts";
import type { Action } from "../model/actions.ts";
import { apply } from "../model/apply.ts";
import { hasRole } from "../model/queries.ts";
import type { RoleId } from "../model/roles.ts";
import type { State } from "../model/state.ts";
import { actionStep } from "../process/action-steps.ts";
import { parentOf } from "../process/steps.ts";
import { contactOf } from "../scenarios/people.ts";
import { nextReferenceAction } from "../scenarios/repair.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { referenceOrder, referenceSpacingMs, referenceStart } from "../scenarios/solve.ts";

/**
 * The critical mistakes of the rubric, each made on purpose by a trainee who otherwise follows
 * the reference solution from the scenario's start: what the proof "each critical mistake is
 * reachable and detected" plays. A mistake the start makes impossible (an account ordered before
 * the trainee takes over cannot be ordered with the wrong address) is unreachable, not a failure.
 */

/** What the trainee does next, given the state and what the reference would do; null ends. */
type Trainee = (state: State, reference: Action | null) => Action | null;

export interface Mistake {
	readonly rule: RuleId;
	/** Why it cannot be made from this scenario's start, or null when it can. */
	readonly unreachable: (s: Scenario, start: State) => string | null;
	/** A fresh trainee who makes it (each one keeps what it did so far). */
	readonly trainee: (s: Scenario) => Trainee;
}

const ownRoles = (state: State, roles: RoleId[]): Action => ({
	type: "set-user-roles",
	userId: state.signedInUserId ?? "",
	roles,
});

const isOwnRoleChange = (state: State, action: Action | null) =>
	action?.type === "set-user-roles" && action.userId === state.signedInUserId;

const contactInvitation = (s: Scenario): Action => {
	const { firstName, lastName, email } = contactOf(s);
	return {
		type: "invite-guest-user",
		firstName,
		lastName,
		email,
		roles: [...s.customer.contactRoles],
	};
};

/**
 * Takes `roles` for the partner's own instead of the reference's step-down, or at the end if the
 * partner stepped down before the trainee took over; stops before the reference would undo it.
 */
const stepDownTo = (roles: RoleId[]) => (): Trainee => {
	let done = false;
	return (state, reference) => {
		if (reference !== null && !isOwnRoleChange(state, reference)) return reference;
		if (done) return null;
		done = true;
		return ownRoles(state, roles);
	};
};

const orderedAlready = (_s: Scenario, start: State) =>
	start.account === null ? null : "the account is ordered before the trainee takes over";

const partnerOf = (start: State) => start.users.find((u) => u.id === start.signedInUserId);
const contactIn = (s: Scenario, start: State) =>
	start.users.find((u) => u.email === contactOf(s).email);

/** The partner has left Administration before the trainee takes over (null: not, or no account). */
const steppedDownAlready = (_s: Scenario, start: State) =>
	start.account !== null && !hasRole(partnerOf(start), "administration")
		? "the partner has left Administration before the trainee takes over"
		: null;

export const criticalMistakes: readonly Mistake[] = [
	{
		rule: "account-not-ordered",
		unreachable: orderedAlready,
		trainee: () => () => null,
	},
	{
		rule: "order-foreign-address",
		unreachable: orderedAlready,
		trainee: (s) => (state, reference) =>
			state.account === null
				? {
						...(referenceOrder(s) as Extract<Action, { type: "order-account" }>),
						contactEmail: contactOf(s).email,
					}
				: reference,
	},
	{
		rule: "invited-before-preparation",
		unreachable: (s, start) => {
			if (contactIn(s, start) !== undefined) {
				return "the customer is invited before the trainee takes over";
			}
			return preparationBeforeInvitation(s, start)
				? null
				: "nothing is left to prepare before the invitation";
		},
		trainee: (s) => {
			let invited = false;
			return (state, reference) => {
				if (invited || reference === null || state.account === null) return reference;
				if (parentOf(actionStep(s, state, reference)) !== "prepare-environment") return reference;
				invited = true;
				return contactInvitation(s);
			};
		},
	},
	{
		rule: "stepped-down-too-early",
		unreachable: (s, start) =>
			steppedDownAlready(s, start) ??
			(hasRole(contactIn(s, start), "administration")
				? "the customer holds Administration before the trainee takes over"
				: null),
		trainee: () => {
			let tried = false;
			return (state, reference) => {
				if (tried || state.account === null) return reference;
				tried = true;
				return ownRoles(state, ["service-provider"]);
			};
		},
	},
	{
		rule: "customer-not-administrator",
		unreachable: () => null,
		trainee: (s) => {
			// After the handover, a second administrator comes in and the customer loses the role.
			const second = `second.administrator@${s.customer.domain}`;
			let stage = 0;
			return (state, reference) => {
				if (stage === 0 && reference !== null) return reference;
				stage++;
				if (stage === 1) {
					return {
						type: "invite-guest-user",
						firstName: "Second",
						lastName: "Administrator",
						email: second,
						roles: ["administration"],
					};
				}
				const contact = state.users.find((u) => u.email === contactOf(s).email);
				if (stage === 2 && contact !== undefined) {
					return { type: "set-user-roles", userId: contact.id, roles: ["operator"] };
				}
				return null;
			};
		},
	},
	{
		rule: "partner-still-administrator",
		unreachable: steppedDownAlready,
		trainee: stepDownTo(["administration", "service-provider"]),
	},
	{
		rule: "partner-not-service-provider",
		unreachable: () => null,
		trainee: stepDownTo(["operator"]),
	},
];

/** Whether the reference from `start` takes a preparation action before it invites the customer. */
function preparationBeforeInvitation(s: Scenario, start: State): boolean {
	const contact = contactOf(s).email;
	let state = start;
	for (let i = 0; i < 200; i++) {
		const action = nextReferenceAction(s, state);
		if (action === null) return false;
		if (action.type === "invite-guest-user" && action.email === contact) return false;
		if (parentOf(actionStep(s, state, action)) === "prepare-environment") return true;
		const result = apply(state, action, { now: () => new Date(referenceStart).toISOString() });
		if (!result.ok) return false;
		state = result.state;
	}
	return false;
}

/**
 * The log of a trainee who makes `mistake` from `start`: each action recorded, refused or not,
 * one minute apart. It ends when the trainee stops, or when an action is refused twice in a row
 * (the reference cannot go on from where the mistake left the account).
 */
export function playMistake(s: Scenario, start: State, mistake: Mistake): AttemptEvent[] {
	const trainee = mistake.trainee(s);
	const events: AttemptEvent[] = [];
	let state = start;
	let refusedLast = false;
	for (let index = 0; index < 200; index++) {
		const action = trainee(state, nextReferenceAction(s, state));
		if (action === null) break;
		const at = new Date(referenceStart + index * referenceSpacingMs).toISOString();
		const result = apply(state, action, { now: () => at });
		events.push({ at, action, outcome: result.ok ? "ok" : result.refusal.code });
		if (result.ok) {
			state = result.state;
			refusedLast = false;
		} else if (refusedLast) {
			break;
		} else {
			refusedLast = true;
		}
	}
	return events;
}

/** Whether the grader finds the mistake in a log that makes it, and fails the attempt. */
export function detects(s: Scenario, events: readonly AttemptEvent[], rule: RuleId): boolean {
	const result = grade(s, events);
	return !result.passed && result.findings.some((f) => f.rule === rule);
}
