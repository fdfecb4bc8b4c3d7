import type { Translate } from "../../simulator/text/locale.ts";
import { roles } from "../access/accounts.ts";
import { oidcRefusals } from "../access/oidc.ts";

/** The details the audit trail keeps, named and worded in the reader's language. */
const named = new Set([
	"method",
	"role",
	"reason",
	"version",
	"rows",
	"table",
	"owner",
	"imported",
	"altered",
	"duplicate",
	"unreadable",
	"skipped",
	"scenario",
	"lang",
]);

/**
 * One line of an audit entry's details, e.g. "Verfahren: Anmeldedienst, Grund: nicht eingeladen".
 * Values that are ids of the product (a method, a role, a refusal) are worded; names, numbers and
 * e-mails stay as they are. A key this page does not know is shown as it was stored.
 */
export function describeDetails(
	details: Readonly<Record<string, string | number | boolean>>,
	t: Translate,
): string {
	return Object.entries(details)
		.map(([key, raw]) => {
			const value = String(raw);
			const label = named.has(key) ? t(`trainer.audit.details.${key}`) : key;
			let shown = value;
			if (key === "method" && (value === "password" || value === "oidc")) {
				shown = t(`trainer.audit.methods.${value}`);
			} else if (key === "role" && (roles as readonly string[]).includes(value)) {
				shown = t(`trainer.accounts.roles.${value}`);
			} else if (key === "reason" && (oidcRefusals as readonly string[]).includes(value)) {
				shown = t(`trainer.audit.reasons.${value}`);
			}
			return `${label}: ${shown}`;
		})
		.join(", ");
}
