import type { Locale } from "../process/guide.ts";
import { contactOf } from "./people.ts";
import type { Scenario } from "./schema.ts";

/** The values a brief's `{{placeholders}}` are filled with (see `briefPlaceholders`). */
export function briefParams(s: Scenario): Record<string, string> {
	const contact = contactOf(s);
	const params: Record<string, string> = {
		company: s.customer.company,
		accountName: s.customer.accountName,
		contactName: `${contact.firstName} ${contact.lastName}`,
		contactEmail: contact.email,
		partnerName: `${s.partner.firstName} ${s.partner.lastName}`,
		partnerEmail: s.partner.email,
		partnerCompany: s.partner.company,
	};
	for (const p of s.people) {
		params[`name.${p.key}`] = `${p.firstName} ${p.lastName}`;
		params[`email.${p.key}`] = p.email;
	}
	for (const m of s.mailboxes) {
		params[`name.${m.key}`] = m.email;
		params[`email.${m.key}`] = m.email;
	}
	return params;
}

/** The brief in one language with its placeholders filled; plain text, the UI escapes it. */
export function renderBrief(s: Scenario, locale: Locale): string {
	const params = briefParams(s);
	return s.brief[locale].replace(
		/\{\{\s*([^}]*?)\s*\}\}/g,
		(whole, name: string) => params[name] ?? whole,
	);
}
