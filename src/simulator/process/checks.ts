import { hasRole, signedInUser } from "../model/queries.ts";
import type { State, User } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import type { Scenario } from "../scenarios/schema.ts";
import {
	requirementsOf,
	type ConfigurationRequirement,
	type IntegrationRequirement,
	type LabelRequirement,
	type UserRequirement,
} from "./requirements.ts";
import { leafStepIds, type LeafStepId } from "./steps.ts";

/**
 * End-state checks: what the account must look like for each step to count as done. They read only
 * the state and the scenario, so they serve the live checklist and the final grade alike. Names are
 * compared ignoring letter case and surrounding spaces; addresses are stored in lower case.
 */

export type ItemProblem = "missing" | "wrong" | null;

/**
 * Compares a name with a required one. Names in the state are unique by key (the reducer refuses
 * duplicates), so an exact match is the match; exact matches are the common case and need no
 * normalising, which keeps checks cheap when the grader runs them after every change.
 */
function sameName(
	value: string,
	required: { readonly name: string; readonly key: string },
): boolean {
	return value === required.name || nameKey(value) === required.key;
}

function byName<T extends { readonly name: string }>(
	items: readonly T[],
	required: { readonly name: string; readonly key: string },
): T | undefined {
	for (const item of items) if (item.name === required.name) return item;
	for (const item of items) if (nameKey(item.name) === required.key) return item;
	return undefined;
}

function userWithEmail(state: State, email: string): User | undefined {
	for (const user of state.users) if (user.email === email) return user;
	return undefined;
}

export function labelProblem(state: State, required: LabelRequirement): ItemProblem {
	const label = byName(state.labels, required);
	if (label === undefined) return "missing";
	const same =
		label.widthMm === required.widthMm &&
		label.heightMm === required.heightMm &&
		sameName(label.printer, required.printer) &&
		sameFields(label.fields, required);
	return same ? null : "wrong";
}

/** The same data fields in any order, compared like names. */
function sameFields(fields: readonly string[], required: LabelRequirement): boolean {
	if (fields.length !== required.fields.length) return false;
	if (fields.every((f, i) => f === required.fields[i])) return true;
	const keys = new Set(fields.map(nameKey));
	return keys.size === required.fieldKeys.size && [...required.fieldKeys].every((k) => keys.has(k));
}

export function configurationProblem(
	state: State,
	required: ConfigurationRequirement,
): ItemProblem {
	const configuration = byName(state.configurations, required);
	if (configuration === undefined) return "missing";
	const label = state.labels.find((l) => l.id === configuration.labelId);
	const same =
		configuration.trigger === required.trigger &&
		label !== undefined &&
		sameName(label.name, required.label) &&
		(!required.started || configuration.status === "started");
	return same ? null : "wrong";
}

export function integrationProblem(state: State, required: IntegrationRequirement): ItemProblem {
	const integration = byName(state.integrations, required);
	if (integration === undefined) return "missing";
	if (integration.kind !== required.kind) return "wrong";
	if (required.configuration === null) return null;
	const configuration = state.configurations.find((c) => c.id === integration.configurationId);
	return configuration !== undefined && sameName(configuration.name, required.configuration)
		? null
		: "wrong";
}

/** A required user is identified by the address; "wrong" means other access roles. */
export function userProblem(state: State, required: UserRequirement): ItemProblem {
	const user = userWithEmail(state, required.email);
	if (user === undefined || user.id === state.signedInUserId) return "missing";
	// Stored roles are canonical (no duplicates), so equal length and inclusion mean equal sets.
	const same =
		user.roles.length === required.roles.length &&
		required.roles.every((r) => user.roles.includes(r));
	return same ? null : "wrong";
}

/** The customer contact's user, never the partner's own (who may have ordered with that address). */
export function contactUser(s: Scenario, state: State): User | undefined {
	const user = userWithEmail(state, requirementsOf(s).contact.email);
	return user === undefined || user.id === state.signedInUserId ? undefined : user;
}

export function contactIsAdministrator(s: Scenario, state: State): boolean {
	return hasRole(contactUser(s, state), "administration");
}

export function contactInvited(s: Scenario, state: State): boolean {
	const user = contactUser(s, state);
	return (
		user !== undefined &&
		user.kind === "guest" &&
		state.mailbox.some((m) => m.kind === "invitation" && m.userId === user.id)
	);
}

export const stepChecks: Record<LeafStepId, (s: Scenario, state: State) => boolean> = {
	"order-account": (s, state) =>
		state.account !== null && state.account.contactEmail === requirementsOf(s).partner,
	"design-labels": (s, state) =>
		requirementsOf(s).labels.every((l) => labelProblem(state, l) === null),
	"build-configurations": (s, state) =>
		requirementsOf(s).configurations.every((c) => configurationProblem(state, c) === null),
	"configure-data-integrations": (s, state) =>
		requirementsOf(s).integrations.every((i) => integrationProblem(state, i) === null),
	"add-users-and-roles": (s, state) =>
		requirementsOf(s).users.every((u) => userProblem(state, u) === null),
	"invite-guest-user": (s, state) => contactUser(s, state)?.kind === "guest",
	"grant-administration": contactIsAdministrator,
	"send-invitation": contactInvited,
	"step-down-to-service-provider": (_s, state) => {
		const partner = signedInUser(state);
		return hasRole(partner, "service-provider") && !hasRole(partner, "administration");
	},
	"edit-notification-recipients": (s, state) => {
		const required = requirementsOf(s);
		return (
			required.recipients.every((r) => state.notificationRecipients.includes(r.email)) &&
			!state.notificationRecipients.includes(required.partner)
		);
	},
};

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

export function mayAffect(leaf: LeafStepId, s: Scenario, before: State, after: State): boolean {
	return affects(leaf, s, changeBetween(before, after));
}
