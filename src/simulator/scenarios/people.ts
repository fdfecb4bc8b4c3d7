import type { Scenario, ScenarioPerson } from "./schema.ts";
import { normaliseEmail } from "../model/email.ts";

/** Lookups over a scenario's people and mailboxes. Addresses are lower case by schema. */

export function personByKey(s: Scenario, key: string): ScenarioPerson | undefined {
	return s.people.find((p) => p.key === key);
}

export function addressOf(s: Scenario, key: string): string | undefined {
	return personByKey(s, key)?.email ?? s.mailboxes.find((m) => m.key === key)?.email;
}

export function contactOf(s: Scenario): ScenarioPerson {
	const contact = personByKey(s, s.customer.contact);
	// The schema guarantees the contact exists; a missing one means an unvalidated scenario object.
	if (contact === undefined)
		throw new Error(`scenario ${s.id}: contact ${s.customer.contact} missing`);
	return contact;
}

export function partnerAddress(s: Scenario): string {
	return normaliseEmail(s.partner.email);
}

/** Every address of the customer the scenario knows: people and shared mailboxes. */
export function customerAddresses(s: Scenario): ReadonlySet<string> {
	return new Set([...s.people.map((p) => p.email), ...s.mailboxes.map((m) => m.email)]);
}
