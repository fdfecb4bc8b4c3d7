import type { State, User } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { requirementsOf } from "./requirements.ts";
import { leafStepIds, type LeafStepId } from "./steps.ts";

/**
 * Which step checks a change of the state can matter to. Grading re-runs a check only then, which
 * keeps long logs fast; a property test compares the result with checking every step after every
 * event.
 */

/** The parts of the state the checks read; each has a bit in a change mask. */
const bits = {
	account: 1,
	labels: 2,
	configurations: 4,
	integrations: 8,
	users: 16,
	signedInUserId: 32,
	mailbox: 64,
	notificationRecipients: 128,
} as const;
type Part = keyof typeof bits;

/**
 * Which parts of the state each check reads. The reducer never mutates, so an unchanged part keeps
 * its identity and the checks reading only unchanged parts need not run again.
 */
export const checkInputs: Record<LeafStepId, readonly Part[]> = {
	"order-account": ["account"],
	"design-labels": ["labels"],
	"build-configurations": ["configurations", "labels"],
	"configure-data-integrations": ["integrations", "configurations"],
	"add-users-and-roles": ["users", "signedInUserId"],
	"invite-guest-user": ["users", "signedInUserId"],
	"grant-administration": ["users", "signedInUserId"],
	"send-invitation": ["users", "signedInUserId", "mailbox"],
	"step-down-to-service-provider": ["users", "signedInUserId"],
	"edit-notification-recipients": ["notificationRecipients"],
};

const inputMask = new Map<LeafStepId, number>(
	leafStepIds.map((leaf) => [leaf, checkInputs[leaf].reduce((mask, part) => mask | bits[part], 0)]),
);

/** For every change mask, the steps whose checks read a changed part, in procedure order. */
const leavesByMask: readonly (readonly LeafStepId[])[] = Array.from({ length: 256 }, (_, mask) =>
	leafStepIds.filter((leaf) => ((inputMask.get(leaf) ?? 0) & mask) !== 0),
);

/** What changed between two states: a bit per part, and details computed on demand. */
export interface Change {
	readonly before: State;
	readonly after: State;
	readonly mask: number;
	/** Old and new versions of changed users; null if users were added, removed or reordered. */
	users: User[] | null | undefined;
	/** Whether a label, or a configuration, was added, removed or renamed. */
	labelsRenamed: boolean | undefined;
	configurationsRenamed: boolean | undefined;
}

export function changeBetween(before: State, after: State): Change {
	const mask =
		(before.account !== after.account ? bits.account : 0) |
		(before.labels !== after.labels ? bits.labels : 0) |
		(before.configurations !== after.configurations ? bits.configurations : 0) |
		(before.integrations !== after.integrations ? bits.integrations : 0) |
		(before.users !== after.users ? bits.users : 0) |
		(before.signedInUserId !== after.signedInUserId ? bits.signedInUserId : 0) |
		(before.mailbox !== after.mailbox ? bits.mailbox : 0) |
		(before.notificationRecipients !== after.notificationRecipients
			? bits.notificationRecipients
			: 0);
	return {
		before,
		after,
		mask,
		users: undefined,
		labelsRenamed: undefined,
		configurationsRenamed: undefined,
	};
}

/** The steps whose checks read a changed part; `affects` narrows them down further. */
export function stepsReading(change: Change): readonly LeafStepId[] {
	return leavesByMask[change.mask] ?? [];
}

/**
 * The users whose objects differ between two user lists of the same people (old and new versions),
 * or null if users were added, removed or reordered. The reducer replaces only the user it changes.
 */
function changedUsers(before: readonly User[], after: readonly User[]): User[] | null {
	if (before.length !== after.length) return null;
	const changed: User[] = [];
	for (let i = 0; i < before.length; i++) {
		const old = before[i] as User;
		const now = after[i] as User;
		if (old === now) continue;
		if (old.id !== now.id) return null;
		changed.push(old, now);
	}
	return changed;
}

/** Whether items were added, removed, reordered or renamed (other edits keep ids and names). */
function renamed(
	before: readonly { id: string; name: string }[],
	after: readonly { id: string; name: string }[],
): boolean {
	if (before.length !== after.length) return true;
	for (let i = 0; i < before.length; i++) {
		const old = before[i] as { id: string; name: string };
		const now = after[i] as { id: string; name: string };
		if (old !== now && (old.id !== now.id || nameKey(old.name) !== nameKey(now.name))) return true;
	}
	return false;
}

/** Whether a change of one user can matter to a check about users. */
const userMatters: Partial<Record<LeafStepId, (s: Scenario, state: State, user: User) => boolean>> =
	{
		"add-users-and-roles": (s, _state, user) => requirementsOf(s).userEmails.has(user.email),
		"invite-guest-user": (s, _state, user) => user.email === requirementsOf(s).contact.email,
		"grant-administration": (s, _state, user) => user.email === requirementsOf(s).contact.email,
		"send-invitation": (s, _state, user) => user.email === requirementsOf(s).contact.email,
		"step-down-to-service-provider": (_s, state, user) => user.id === state.signedInUserId,
	};

/**
 * False if a step's check certainly gives the same answer after a change as before it: none of its
 * inputs changed, or only parts changed that the check does not look at (editing an operator's
 * roles cannot change whether the customer holds Administration; stopping a configuration cannot
 * change which configuration an integration feeds). Lets the grader skip most checks.
 */
export function affects(leaf: LeafStepId, s: Scenario, change: Change): boolean {
	const relevant = change.mask & (inputMask.get(leaf) ?? 0);
	if (relevant === 0) return false;
	// Configurations refer to labels, and integrations to configurations, by id and name only.
	if (leaf === "build-configurations" && relevant === bits.labels) {
		change.labelsRenamed ??= renamed(change.before.labels, change.after.labels);
		return change.labelsRenamed;
	}
	if (leaf === "configure-data-integrations" && relevant === bits.configurations) {
		change.configurationsRenamed ??= renamed(
			change.before.configurations,
			change.after.configurations,
		);
		return change.configurationsRenamed;
	}
	if (relevant !== bits.users) return true;
	const matters = userMatters[leaf];
	if (matters === undefined) return true;
	if (change.users === undefined)
		change.users = changedUsers(change.before.users, change.after.users);
	const users = change.users;
	return users === null || users.some((user) => matters(s, change.after, user));
}
