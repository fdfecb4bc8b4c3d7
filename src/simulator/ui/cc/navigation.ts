import type { View } from "../context.tsx";

export type Page = View["page"];

/**
 * The navigation of Control Center, grouped as in the product, with each entry's label key; the
 * mailbox sits outside it. The demo finds its way by the same labels a trainee reads.
 */
export const navigation: readonly {
	group: string | null;
	items: readonly { page: Page; label: string }[];
}[] = [
	{ group: null, items: [{ page: "dashboard", label: "ui.nav.dashboard" }] },
	{ group: null, items: [{ page: "documents", label: "ui.nav.documents" }] },
	{ group: null, items: [{ page: "integrations", label: "ui.nav.integrations" }] },
	{
		group: "ui.nav.usersGroup",
		items: [
			{ page: "users", label: "ui.nav.users" },
			{ page: "access-roles", label: "ui.nav.accessRoles" },
		],
	},
	{
		group: "ui.nav.administration",
		items: [{ page: "account-information", label: "ui.nav.accountInformation" }],
	},
];
