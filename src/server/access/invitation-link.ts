import type { Locale } from "../../simulator/text/locale.ts";

/**
 * Where an invitation link leads: the page on which the invited trainer chooses a password. The
 * server reads the token from the query; like every trainer page, the invitation page is never
 * cached and sends no referrer to other sites, so the token does not leak from it.
 */
export function invitationPath(locale: Locale, token: string): string {
	return `/${locale}/trainer/invitation/?${new URLSearchParams({ token })}`;
}
