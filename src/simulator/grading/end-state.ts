import { hasRole, signedInUser } from "../model/queries.ts";
import type { State } from "../model/state.ts";
import {
	configurationProblem,
	contactInvited,
	contactIsAdministrator,
	integrationProblem,
	labelProblem,
	userProblem,
} from "../process/checks.ts";
import { requirementsOf } from "../process/requirements.ts";
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

	if (account !== null && account.contactEmail !== partner) {
		found.push(
			finding("order-foreign-address", {
				params: { address: account.contactEmail, partnerAddress: partner },
			}),
		);
	}
	if (account !== null && !(account.forCustomer && noteNamesCustomer(s, account.customerName))) {
		found.push(finding("order-note-missing", { params: { customer: s.customer.company } }));
	}

	const required = requirementsOf(s);
	for (const l of required.labels) {
		const problem = labelProblem(state, l);
		if (problem !== null) {
			found.push(finding(`label-${problem}`, { subject: slug(l.name), params: { name: l.name } }));
		}
	}
	for (const c of required.configurations) {
		const problem = configurationProblem(state, c);
		if (problem !== null) {
			const rule = problem === "missing" ? "configuration-missing" : "configuration-wrong";
			found.push(finding(rule, { subject: slug(c.name), params: { name: c.name } }));
		}
	}
	for (const i of required.integrations) {
		const problem = integrationProblem(state, i);
		if (problem !== null) {
			const rule = problem === "missing" ? "integration-missing" : "integration-wrong";
			found.push(finding(rule, { subject: slug(i.name), params: { name: i.name } }));
		}
	}
	for (const u of required.users) {
		const problem = userProblem(state, u);
		if (problem !== null) {
			const rule = problem === "missing" ? "user-missing" : "user-wrong-roles";
			found.push(finding(rule, { subject: u.person, params: { name: u.name, address: u.email } }));
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
	if (hasRole(self, "administration")) found.push(finding("partner-still-administrator"));
	if (!hasRole(self, "service-provider")) found.push(finding("partner-not-service-provider"));

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
