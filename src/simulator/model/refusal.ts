import * as z from "zod/mini";

/**
 * Every reason the model can refuse an action. Codes are a public contract: the UI and the i18n files
 * key their texts by them (`refusals.<code>`), and attempt files may record them as outcomes.
 */
export const refusalCodes = [
	"unknown-action",
	"account-not-ordered",
	"account-already-ordered",
	"signed-out",
	"permission-denied",
	"not-found",
	"required",
	"too-long",
	"invalid-characters",
	"out-of-range",
	"too-many",
	"email-non-ascii",
	"email-spaces",
	"email-at-sign",
	"email-local-part",
	"email-domain",
	"email-tld",
	"email-too-long",
	"duplicate-email",
	"duplicate-name",
	"duplicate-data-field",
	"roles-required",
	"last-administrator",
	"self-administration",
	"label-in-use",
	"configuration-in-use",
	"configuration-running",
	"already-started",
	"already-stopped",
	"not-invited",
	"recipients-empty",
	"recipients-separator",
	"invalid-recipient",
	"duplicate-recipient",
] as const;
// A const list with its type and schema derived from it, as every vocabulary of the core is.
export type RefusalCode = (typeof refusalCodes)[number];
export const refusalCodeSchema = z.enum(refusalCodes);

export type RefusalParams = Readonly<Record<string, string | number>>;

export interface Refusal {
	readonly code: RefusalCode;
	/** The action field at fault, named as in the action schema (e.g. `email`, `text`, `roles`). */
	readonly field?: string;
	readonly params?: RefusalParams;
}

export function refusal(code: RefusalCode, field?: string, params?: RefusalParams): Refusal {
	if (field === undefined) return params === undefined ? { code } : { code, params };
	return params === undefined ? { code, field } : { code, field, params };
}
