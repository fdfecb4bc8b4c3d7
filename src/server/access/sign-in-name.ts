/**
 * How a trainer names themselves when signing in: an e-mail address, or the first administrator's
 * sign-in name. Loaded by `npm start`'s configuration check too, so it imports nothing.
 */

/** The first administrator's sign-in name, where TRAINER_EMAIL is not set. */
export const bootstrapName = "admin";
/** Longest e-mail address (RFC 5321) and name accepted. */
export const maxEmailLength = 254;
export const maxNameLength = 120;

/** The key an account is found by: the address or name, trimmed, in one Unicode form, lower case. */
export function accountKey(emailOrName: string): string {
	return emailOrName.normalize("NFC").trim().toLowerCase();
}

/** A plain check of an e-mail address's shape; whether it exists only its owner can tell. */
export function isEmail(value: string): boolean {
	return value.length <= maxEmailLength && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]+$/u.test(value);
}
