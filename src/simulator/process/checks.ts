import { hasRole, signedInUser } from "../model/queries.ts";
import type { Configuration, Integration, Label, State, User } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import type { Scenario } from "../scenarios/schema.ts";
import {
	requirementsOf,
	type ConfigurationRequirement,
	type IntegrationRequirement,
	type LabelRequirement,
	type UserRequirement,
} from "./requirements.ts";
import type { LeafStepId } from "./steps.ts";

/**
 * End-state checks: what the account must look like for each step to count as done. They read only
 * the state and the scenario, so they serve the live checklist and the final grade alike. Names are
 * compared ignoring letter case and surrounding spaces; addresses are stored in lower case.
 */

export type ItemProblem = "missing" | "wrong" | null;

/** What a finding compares: the UI names the aspect and shows expected and actual side by side. */
export const differenceAspects = [
	"size",
	"printer",
	"fields",
	"trigger",
	"label",
	"status",
	"kind",
	"configuration",
	"roles",
] as const;
// A const list with its type derived from it, as every vocabulary of the core is.
export type DifferenceAspect = (typeof differenceAspects)[number];

/**
 * One way an item differs from the scenario. Values are as stored (names verbatim, sizes as
 * "70 × 50 mm"), or vocabulary ids for `trigger`, `status`, `kind` and `roles`, which the UI
 * translates; an empty list means "none".
 */
export interface Difference {
	readonly aspect: DifferenceAspect;
	readonly expected: readonly string[];
	readonly actual: readonly string[];
}

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

/**
 * One aspect a checked item must match its requirement in: whether it does, and, for a finding
 * when it does not, the required and the actual value as the UI shows them. `same` reads the item
 * (and the state, for what the item refers to) directly, so the quick check, which the grader runs
 * after every change, builds no values to compare. An aspect the requirement leaves open matches.
 */
interface Aspect<R, I> {
	readonly aspect: DifferenceAspect;
	readonly same: (required: R, item: I, state: State) => boolean;
	readonly expected: (required: R) => readonly string[];
	readonly actual: (item: I, state: State) => readonly string[];
}

/**
 * How one kind of item is checked: which item in the state a requirement is about, and the aspects
 * in the order findings list them. The quick check and the findings' differences are both read off
 * this one table, so they cannot disagree about what makes an item wrong.
 */
interface Comparison<R, I> {
	readonly find: (state: State, required: R) => I | undefined;
	readonly aspects: readonly Aspect<R, I>[];
}

/** "missing", "wrong" at the first aspect that does not match, or null. */
function problemOf<R, I>(comparison: Comparison<R, I>, state: State, required: R): ItemProblem {
	const item = comparison.find(state, required);
	if (item === undefined) return "missing";
	for (const aspect of comparison.aspects) {
		if (!aspect.same(required, item, state)) return "wrong";
	}
	return null;
}

/** Every aspect that does not match, as a finding shows it; null if the item is missing. */
function differencesOf<R, I>(
	comparison: Comparison<R, I>,
	state: State,
	required: R,
): Difference[] | null {
	const item = comparison.find(state, required);
	if (item === undefined) return null;
	const found: Difference[] = [];
	for (const { aspect, same, expected, actual } of comparison.aspects) {
		if (!same(required, item, state)) {
			found.push({ aspect, expected: expected(required), actual: actual(item, state) });
		}
	}
	return found;
}

/** The same data fields in any order, compared like names. */
function sameFields(fields: readonly string[], required: LabelRequirement): boolean {
	if (fields.length !== required.fields.length) return false;
	if (fields.every((f, i) => f === required.fields[i])) return true;
	const keys = new Set(fields.map(nameKey));
	return keys.size === required.fieldKeys.size && [...required.fieldKeys].every((k) => keys.has(k));
}

/** Formats a label size the way the brief and the Control Center show it. */
export function labelSize(widthMm: number, heightMm: number): string {
	return `${widthMm} × ${heightMm} mm`;
}

const labels: Comparison<LabelRequirement, Label> = {
	find: (state, required) => byName(state.labels, required),
	aspects: [
		{
			aspect: "size",
			same: (required, label) =>
				label.widthMm === required.widthMm && label.heightMm === required.heightMm,
			expected: (required) => [labelSize(required.widthMm, required.heightMm)],
			actual: (label) => [labelSize(label.widthMm, label.heightMm)],
		},
		{
			aspect: "printer",
			same: (required, label) => sameName(label.printer, required.printer),
			expected: (required) => [required.printer.name],
			actual: (label) => [label.printer],
		},
		{
			aspect: "fields",
			same: (required, label) => sameFields(label.fields, required),
			expected: (required) => required.fields,
			actual: (label) => label.fields,
		},
	],
};

export function labelProblem(state: State, required: LabelRequirement): ItemProblem {
	return problemOf(labels, state, required);
}

/** How an existing label differs from the required one; null if it is missing. */
export function labelDifferences(state: State, required: LabelRequirement): Difference[] | null {
	return differencesOf(labels, state, required);
}

function labelOf(state: State, configuration: Configuration): Label | undefined {
	for (const label of state.labels) if (label.id === configuration.labelId) return label;
	return undefined;
}

const configurations: Comparison<ConfigurationRequirement, Configuration> = {
	find: (state, required) => byName(state.configurations, required),
	aspects: [
		{
			aspect: "trigger",
			same: (required, configuration) => configuration.trigger === required.trigger,
			expected: (required) => [required.trigger],
			actual: (configuration) => [configuration.trigger],
		},
		{
			aspect: "label",
			same: (required, configuration, state) => {
				const label = labelOf(state, configuration);
				return label !== undefined && sameName(label.name, required.label);
			},
			expected: (required) => [required.label.name],
			actual: (configuration, state) => {
				const label = labelOf(state, configuration);
				return label === undefined ? [] : [label.name];
			},
		},
		{
			aspect: "status",
			same: (required, configuration) => !required.started || configuration.status === "started",
			expected: () => ["started"],
			actual: (configuration) => [configuration.status],
		},
	],
};

export function configurationProblem(
	state: State,
	required: ConfigurationRequirement,
): ItemProblem {
	return problemOf(configurations, state, required);
}

/** How an existing configuration differs from the required one; null if it is missing. */
export function configurationDifferences(
	state: State,
	required: ConfigurationRequirement,
): Difference[] | null {
	return differencesOf(configurations, state, required);
}

function configurationOf(state: State, integration: Integration): Configuration | undefined {
	for (const configuration of state.configurations) {
		if (configuration.id === integration.configurationId) return configuration;
	}
	return undefined;
}

const integrations: Comparison<IntegrationRequirement, Integration> = {
	find: (state, required) => byName(state.integrations, required),
	aspects: [
		{
			aspect: "kind",
			same: (required, integration) => integration.kind === required.kind,
			expected: (required) => [required.kind],
			actual: (integration) => [integration.kind],
		},
		{
			// Only some integrations must feed a configuration (null: any or none will do).
			aspect: "configuration",
			same: (required, integration, state) => {
				if (required.configuration === null) return true;
				const configuration = configurationOf(state, integration);
				return configuration !== undefined && sameName(configuration.name, required.configuration);
			},
			expected: (required) =>
				required.configuration === null ? [] : [required.configuration.name],
			actual: (integration, state) => {
				const configuration = configurationOf(state, integration);
				return configuration === undefined ? [] : [configuration.name];
			},
		},
	],
};

export function integrationProblem(state: State, required: IntegrationRequirement): ItemProblem {
	return problemOf(integrations, state, required);
}

/** How an existing integration differs from the required one; null if it is missing. */
export function integrationDifferences(
	state: State,
	required: IntegrationRequirement,
): Difference[] | null {
	return differencesOf(integrations, state, required);
}

/** The customer's user at this address, never the partner's own (who may have ordered with it). */
function customerUser(state: State, email: string): User | undefined {
	const user = userWithEmail(state, email);
	return user === undefined || user.id === state.signedInUserId ? undefined : user;
}

const users: Comparison<UserRequirement, User> = {
	find: (state, required) => customerUser(state, required.email),
	aspects: [
		{
			aspect: "roles",
			// Stored roles are canonical (no duplicates), so equal length and inclusion mean equal sets.
			same: (required, user) =>
				user.roles.length === required.roles.length &&
				required.roles.every((r) => user.roles.includes(r)),
			expected: (required) => required.roles,
			actual: (user) => user.roles,
		},
	],
};

/** A required user is identified by the address; "wrong" means other access roles. */
export function userProblem(state: State, required: UserRequirement): ItemProblem {
	return problemOf(users, state, required);
}

/** How an existing user's access roles differ from the required ones; null if the user is missing. */
export function userDifferences(state: State, required: UserRequirement): Difference[] | null {
	return differencesOf(users, state, required);
}

/** The customer contact's user, never the partner's own (who may have ordered with that address). */
export function contactUser(s: Scenario, state: State): User | undefined {
	return customerUser(state, requirementsOf(s).contact.email);
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
