import { canonicalRoles, type RoleId } from "../model/roles.ts";
import { nameKey } from "../model/text.ts";
import type { IntegrationKind, Trigger } from "../model/vocabulary.ts";
import { addressOf, contactOf, partnerAddress, personByKey } from "../scenarios/people.ts";
import type { Scenario } from "../scenarios/schema.ts";

/**
 * What a scenario requires, in the form the checks compare against (name keys, lower-case
 * addresses, canonical roles). Checks run after every action while grading, so this is derived once
 * per scenario object and cached; scenarios are never mutated.
 */

/** A name as written in the scenario and its comparison key (`nameKey`). */
export interface RequiredName {
	readonly name: string;
	readonly key: string;
}

export interface LabelRequirement extends RequiredName {
	readonly widthMm: number;
	readonly heightMm: number;
	readonly printer: RequiredName;
	readonly fields: readonly string[];
	readonly fieldKeys: ReadonlySet<string>;
}

export interface ConfigurationRequirement extends RequiredName {
	readonly trigger: Trigger;
	readonly label: RequiredName;
	readonly started: boolean;
}

export interface IntegrationRequirement extends RequiredName {
	readonly kind: IntegrationKind;
	readonly configuration: RequiredName | null;
}

export interface UserRequirement {
	readonly person: string;
	readonly name: string;
	readonly email: string;
	readonly roles: readonly RoleId[];
}

export interface Requirements {
	readonly partner: string;
	readonly contact: { readonly name: string; readonly email: string };
	readonly labels: readonly LabelRequirement[];
	readonly configurations: readonly ConfigurationRequirement[];
	readonly integrations: readonly IntegrationRequirement[];
	readonly users: readonly UserRequirement[];
	readonly userEmails: ReadonlySet<string>;
	readonly recipients: readonly { readonly key: string; readonly email: string }[];
}

const cache = new WeakMap<Scenario, Requirements>();

export function requirementsOf(s: Scenario): Requirements {
	let found = cache.get(s);
	if (found === undefined) {
		found = derive(s);
		cache.set(s, found);
	}
	return found;
}

function named(name: string): RequiredName {
	return { name, key: nameKey(name) };
}

function derive(s: Scenario): Requirements {
	const contact = contactOf(s);
	const users = s.users.flatMap((u) => {
		const person = personByKey(s, u.person);
		if (person === undefined) return [];
		return [
			{
				person: u.person,
				name: `${person.firstName} ${person.lastName}`,
				email: person.email,
				roles: canonicalRoles(u.roles),
			},
		];
	});
	return {
		partner: partnerAddress(s),
		contact: { name: `${contact.firstName} ${contact.lastName}`, email: contact.email },
		labels: s.labels.map((l) => ({
			...named(l.name),
			widthMm: l.widthMm,
			heightMm: l.heightMm,
			printer: named(l.printer),
			fields: l.fields,
			fieldKeys: new Set(l.fields.map(nameKey)),
		})),
		configurations: s.configurations.map((c) => ({
			...named(c.name),
			trigger: c.trigger,
			label: named(c.label),
			started: c.started,
		})),
		integrations: s.integrations.map((i) => ({
			...named(i.name),
			kind: i.kind,
			configuration: i.configuration === null ? null : named(i.configuration),
		})),
		users,
		userEmails: new Set(users.map((u) => u.email)),
		recipients: s.recipients.flatMap((key) => {
			const email = addressOf(s, key);
			return email === undefined ? [] : [{ key, email }];
		}),
	};
}
