import { refusal, type Refusal, type RefusalCode } from "./refusal.ts";

/**
 * E-mail address rule of the simulator:
 * - surrounding white space is trimmed; any white space inside is refused;
 * - ASCII only: addresses with umlauts or other non-ASCII characters are refused (an internationalised
 *   domain must be entered in its `xn--` form), because Control Center's invitation form is treated as
 *   not supporting SMTPUTF8;
 * - exactly one `@`; a local part of RFC 5322 "atext" characters with single dots between them, at most
 *   64 characters; a domain of at least two dot-separated labels (letters, digits, inner hyphens), the last
 *   one a top-level domain of at least two letters (or `xn--…`); at most 254 characters in all;
 * - the stored form is lower case, so duplicate checks ignore letter case.
 */

const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const topLevel = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
// Checked after white space, so this only finds non-ASCII (and control) characters.
const notPrintableAscii = /[^\u0021-\u007e]/;
const whiteSpace = /\s/;

export type EmailProblem = Extract<RefusalCode, `email-${string}`> | "required";

/** The problem with an address, or null if it is valid. The input must already be trimmed. */
export function emailProblem(address: string): EmailProblem | null {
	if (address.length === 0) return "required";
	if (whiteSpace.test(address)) return "email-spaces";
	if (notPrintableAscii.test(address)) return "email-non-ascii";
	const at = address.indexOf("@");
	if (at < 0 || address.indexOf("@", at + 1) >= 0) return "email-at-sign";
	const lower = address.toLowerCase();
	const local = lower.slice(0, at);
	const domain = lower.slice(at + 1);
	if (!localPart.test(local)) return "email-local-part";
	if (local.length > 64 || address.length > 254) return "email-too-long";
	if (domain.length === 0) return "email-domain";
	const labels = domain.split(".");
	if (labels.length < 2) return "email-tld";
	for (let i = 0; i < labels.length - 1; i++) {
		if (!domainLabel.test(labels[i] as string)) return "email-domain";
	}
	const tld = labels[labels.length - 1] as string;
	if (tld.length === 0) return "email-domain";
	if (!topLevel.test(tld)) return "email-tld";
	return null;
}

/** Lower-cased, trimmed form used for storage and comparison; assumes nothing about validity. */
export function normaliseEmail(address: string): string {
	return address.trim().toLowerCase();
}

export function isValidEmail(address: string): boolean {
	return emailProblem(address.trim()) === null;
}

/** Checks a form field: returns the stored (normalised) address or a refusal naming the field. */
export function checkEmail(value: string, field: string): string | Refusal {
	const trimmed = value.trim();
	const problem = emailProblem(trimmed);
	if (problem !== null) return refusal(problem, field);
	return trimmed.toLowerCase();
}
