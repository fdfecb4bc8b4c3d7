/**
 * Where a glossary term lives:
 * - `screen`: a label the simulated Control Center shows (a browser test walks the reference
 *   solution and finds each one on a screen, in each language);
 * - `product`: a part of Loftware Cloud this trainer does not simulate (the glossary page says so);
 * - `help`: the title of a Loftware help section;
 * - `term`: a word of the help page that names no control ("customer information").
 */
export type GlossaryPlace = "screen" | "product" | "help" | "term";

/**
 * The Control Center's UI labels in both languages, from the domain brief. `exact` marks the
 * labels that come from Loftware's own help page: guide and simulator use them verbatim.
 */
export interface GlossaryTerm {
	id: string;
	de: string;
	en: string;
	exact: boolean;
	on: GlossaryPlace;
}

export const glossary: readonly GlossaryTerm[] = [
	{ id: "control-center", de: "Control Center", en: "Control Center", exact: true, on: "screen" },
	{ id: "users", de: "Benutzer", en: "Users", exact: true, on: "screen" },
	{
		id: "invite-guest-user",
		de: "Gastbenutzer einladen",
		en: "Invite guest user",
		exact: true,
		on: "screen",
	},
	{ id: "settings", de: "Einstellungen", en: "Settings", exact: true, on: "screen" },
	{ id: "access-roles", de: "Zugriffsrollen", en: "Access Roles", exact: true, on: "screen" },
	{ id: "administration", de: "Verwaltung", en: "Administration", exact: true, on: "screen" },
	{
		id: "service-provider",
		de: "Service Provider",
		en: "Service Provider",
		exact: true,
		on: "screen",
	},
	{ id: "invite", de: "Einladen", en: "Invite", exact: true, on: "screen" },
	{
		id: "account-information",
		de: "Kontoinformationen",
		en: "Account Information",
		exact: true,
		on: "screen",
	},
	{
		id: "cloud-notifications",
		de: "Loftware Cloud Benachrichtigungen",
		en: "Loftware Cloud Notifications",
		exact: true,
		on: "screen",
	},
	{
		id: "edit-notification-recipients",
		de: "Benachrichtigungsempfänger bearbeiten",
		en: "Edit notification recipients",
		exact: true,
		on: "screen",
	},
	{
		id: "notification-recipients-window",
		de: "Loftware Cloud Benachrichtigungsempfänger",
		en: "Loftware Cloud notification recipients",
		exact: true,
		on: "screen",
	},
	{ id: "save", de: "Speichern", en: "Save", exact: true, on: "screen" },
	{
		id: "customer-information",
		de: "Kundeninformationen",
		en: "customer information",
		exact: true,
		on: "term",
	},
	{
		id: "transfer-ownership",
		de: "Kontoinhaberschaft übertragen",
		en: "Transfer account ownership",
		exact: true,
		on: "screen",
	},
	{
		id: "design-labels",
		de: "Etiketten gestalten",
		en: "Design labels",
		exact: true,
		on: "screen",
	},
	{
		id: "build-configurations",
		de: "Konfigurationen erstellen",
		en: "Build configurations",
		exact: true,
		on: "screen",
	},
	{
		id: "configure-data-integrations",
		de: "Datenintegrationen konfigurieren",
		en: "Configure data integrations",
		exact: true,
		on: "screen",
	},
	{
		id: "add-users-and-roles",
		de: "Benutzer hinzufügen und Zugriffsrollen zuweisen",
		en: "Add users and assign access roles",
		exact: true,
		on: "screen",
	},
	{
		id: "label-templates",
		de: "Etikettenvorlagen",
		en: "Label templates",
		exact: true,
		on: "screen",
	},
	{
		id: "getting-started",
		de: "Erste Schritte mit Loftware Cloud",
		en: "Getting started with Loftware Cloud",
		exact: true,
		on: "help",
	},
	{ id: "guest-user", de: "Gastbenutzer", en: "Guest user", exact: false, on: "screen" },
	{ id: "add", de: "Hinzufügen", en: "Add", exact: false, on: "screen" },
	{ id: "remove-user", de: "Benutzer entfernen", en: "Remove user", exact: false, on: "screen" },
	{ id: "cancel", de: "Abbrechen", en: "Cancel", exact: false, on: "screen" },
	{ id: "first-name", de: "Vorname", en: "First name", exact: false, on: "screen" },
	{ id: "last-name", de: "Nachname", en: "Last name", exact: false, on: "screen" },
	{ id: "email", de: "E-Mail", en: "E-mail", exact: false, on: "screen" },
	{ id: "status-invited", de: "Eingeladen", en: "Invited", exact: false, on: "screen" },
	{ id: "status-active", de: "Aktiv", en: "Active", exact: false, on: "screen" },
	{ id: "documents", de: "Dokumente", en: "Documents", exact: false, on: "screen" },
	{
		id: "document-storage",
		de: "Dokumentenspeicher",
		en: "Document Storage",
		exact: false,
		on: "product",
	},
	{ id: "applications", de: "Anwendungen", en: "Applications", exact: false, on: "product" },
	{ id: "integrations", de: "Integrationen", en: "Integrations", exact: false, on: "screen" },
	{ id: "automation", de: "Automation", en: "Automation", exact: false, on: "screen" },
	{ id: "cloud-trigger", de: "Cloud-Trigger", en: "Cloud Trigger", exact: false, on: "screen" },
	{ id: "start", de: "Starten", en: "Start", exact: false, on: "screen" },
	{ id: "stop", de: "Stoppen", en: "Stop", exact: false, on: "screen" },
	{ id: "printers", de: "Drucker", en: "Printers", exact: false, on: "product" },
	{ id: "history", de: "Verlauf", en: "History", exact: false, on: "product" },
	{ id: "dashboard", de: "Dashboard", en: "Dashboard", exact: false, on: "screen" },
	{ id: "groups", de: "Gruppen", en: "Groups", exact: false, on: "product" },
	{ id: "storage", de: "Speicher", en: "Storage", exact: false, on: "product" },
	{
		id: "remote-activations",
		de: "Remote-Aktivierungen",
		en: "Remote Activations",
		exact: false,
		on: "product",
	},
];
