import { hasRole, signedInUser } from "../model/queries.ts";
import type { State } from "../model/state.ts";
import {
	configurationDifferences,
	contactInvited,
	contactIsAdministrator,
	integrationDifferences,
	labelDifferences,
	userDifferences,
	type Difference,
} from "../process/checks.ts";
import { requirementsOf } from "../process/requirements.ts";
import { customerAddresses } from "../scenarios/people.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { slug } from "../scenarios/slug.ts";
import { finding, type Finding } from "./finding.ts";

/** Letters and digits only, so "Sonnenkorn" matches "SONNENKORN Backwaren GmbH" or "sonnenkorn". */
function loose(value: string): string {
	return slug(value).replace(/-/g, "");
}

/** The order note names the customer if it contains the distinctive part of the company name. */
export function noteNamesCustomer(s: Scenario, customerName: string): boolean {
	const stem = loose(s.customer.shortName);
	return stem.length > 0 && loose(customerName).includes(stem);
}

/**
 * Findings judged on the account as it is: what the final grade holds against the attempt, and what
 * the coach can show at any moment. Every end-state check that fails is explained by at least one.
 */
export function endStateFindings(s: Scenario, state: State): Finding[] {
	const found: Finding[] = [];
	const account = state.account;
	const partner = requirementsOf(s).partner;

	// Without an account nothing else could be done: one finding says so, not one per step.
	if (account === null) return [finding("account-not-ordered")];
	if (account.contactEmail !== partner) {
		found.push(
			finding("order-foreign-address", {
				params: { address: account.contactEmail, partnerAddress: partner },
			}),
		);
	}
	if (!(account.forCustomer && noteNamesCustomer(s, account.customerName))) {
		found.push(finding("order-note-missing", { params: { customer: s.customer.company } }));
	}

	const required = requirementsOf(s);
	/** A missing item or, when it exists but differs, the differences: one finding either way. */
	const item = (
		kind: "label" | "configuration" | "integration",
		name: string,
		differences: Difference[] | null,
	) => {
		if (differences === null) {
			found.push(finding(`${kind}-missing`, { subject: slug(name), params: { name } }));
		} else if (differences.length > 0) {
			found.push(finding(`${kind}-wrong`, { subject: slug(name), params: { name }, differences }));
		}
	};
	for (const l of required.labels) item("label", l.name, labelDifferences(state, l));
	for (const c of required.configurations) {
		item("configuration", c.name, configurationDifferences(state, c));
	}
	for (const i of required.integrations) {
		item("integration", i.name, integrationDifferences(state, i));
	}
	for (const u of required.users) {
		const differences = userDifferences(state, u);
		const params = { name: u.name, address: u.email };
		if (differences === null) {
			found.push(finding("user-missing", { subject: u.person, params }));
		} else if (differences.length > 0) {
			found.push(finding("user-wrong-roles", { subject: u.person, params, differences }));
		}
	}

	// A user at an address the customer does not have (a mistyped invitation) must not stay.
	const known = customerAddresses(s);
	for (const user of state.users) {
		if (user.id !== state.signedInUserId && !known.has(user.email)) {
			found.push(
				finding("unknown-user-remains", { subject: user.email, params: { address: user.email } }),
			);
		}
	}

	const contactParams = { name: required.contact.name, address: required.contact.email };
	if (!contactInvited(s, state)) {
		found.push(finding("customer-not-invited", { params: contactParams }));
	}
	if (!contactIsAdministrator(s, state)) {
		found.push(finding("customer-not-administrator", { params: contactParams }));
	}
	const self = signedInUser(state);
	// Not stepping down at all is one mistake, so it gives one critical finding, not two.
	if (hasRole(self, "administration")) found.push(finding("partner-still-administrator"));
	else if (!hasRole(self, "service-provider")) found.push(finding("partner-not-service-provider"));

	for (const { key, email } of required.recipients) {
		if (!state.notificationRecipients.includes(email)) {
			found.push(
				finding("recipients-missing-customer", { subject: key, params: { address: email } }),
			);
		}
	}
	if (state.notificationRecipients.includes(partner)) {
		found.push(finding("recipients-include-partner", { params: { address: partner } }));
	}
	return found;
}
