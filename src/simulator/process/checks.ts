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

/** Formats a label size the way the brief and the Control Center show it. */
export function labelSize(widthMm: number, heightMm: number): string {
	return `${widthMm} × ${heightMm} mm`;
}

function differ(
	found: Difference[],
	aspect: DifferenceAspect,
	same: boolean,
	expected: readonly string[],
	actual: readonly string[],
): void {
	if (!same) found.push({ aspect, expected, actual });
}

/** How an existing label differs from the required one; null if it is missing. */
export function labelDifferences(state: State, required: LabelRequirement): Difference[] | null {
	const label = byName(state.labels, required);
	if (label === undefined) return null;
	const found: Difference[] = [];
	differ(
		found,
		"size",
		label.widthMm === required.widthMm && label.heightMm === required.heightMm,
		[labelSize(required.widthMm, required.heightMm)],
		[labelSize(label.widthMm, label.heightMm)],
	);
	differ(
		found,
		"printer",
		sameName(label.printer, required.printer),
		[required.printer.name],
		[label.printer],
	);
	differ(found, "fields", sameFields(label.fields, required), required.fields, label.fields);
	return found;
}

// The difference functions read alike: each compares one list's item aspect by aspect with
// `differ`, which holds what they share; what stays is each aspect's own comparison.
/** How an existing configuration differs from the required one; null if it is missing. */
export function configurationDifferences(
	state: State,
	required: ConfigurationRequirement,
): Difference[] | null {
	const configuration = byName(state.configurations, required);
	if (configuration === undefined) return null;
	const label = state.labels.find((l) => l.id === configuration.labelId);
	const found: Difference[] = [];
	differ(
		found,
		"trigger",
		configuration.trigger === required.trigger,
		[required.trigger],
		[configuration.trigger],
	);
	differ(
		found,
		"label",
		label !== undefined && sameName(label.name, required.label),
		[required.label.name],
		label === undefined ? [] : [label.name],
	);
	differ(
		found,
		"status",
		!required.started || configuration.status === "started",
		["started"],
		[configuration.status],
	);
	return found;
}

/** How an existing integration differs from the required one; null if it is missing. */
export function integrationDifferences(
	state: State,
	required: IntegrationRequirement,
): Difference[] | null {
	const integration = byName(state.integrations, required);
	if (integration === undefined) return null;
	const found: Difference[] = [];
	differ(found, "kind", integration.kind === required.kind, [required.kind], [integration.kind]);
	if (required.configuration !== null) {
		const configuration = state.configurations.find((c) => c.id === integration.configurationId);
		differ(
			found,
			"configuration",
			configuration !== undefined && sameName(configuration.name, required.configuration),
			[required.configuration.name],
			configuration === undefined ? [] : [configuration.name],
		);
	}
	return found;
}

/** How an existing user's access roles differ from the required ones; null if the user is missing. */
export function userDifferences(state: State, required: UserRequirement): Difference[] | null {
	if (userProblem(state, required) === "missing") return null;
	const user = userWithEmail(state, required.email) as User;
	const found: Difference[] = [];
	differ(found, "roles", userProblem(state, required) === null, required.roles, user.roles);
	return found;
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
