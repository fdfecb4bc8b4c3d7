import type { Locale, Translate } from "../text/locale.ts";
import { contactOf } from "./people.ts";
import type { Scenario } from "./schema.ts";
import { scenarioText } from "./texts.ts";

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

/** The placeholders a brief's text uses, e.g. `name.tobias`. */
export function briefPlaceholderNames(text: string): string[] {
	return [...text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1] ?? "");
}

/**
 * The brief in the translator's language with its placeholders filled; plain text, the UI escapes
 * it. The template is read without parameters and filled here, since placeholders such as
 * `name.tobias` are names, not paths into an object.
 */
export function renderBrief(s: Scenario, locale: Locale, t: Translate): string {
	const params = briefParams(s);
	return scenarioText(s, "brief", locale, t).replace(
		/\{\{\s*([^}]*?)\s*\}\}/g,
		(whole, name: string) => params[name] ?? whole,
	);
}
