/**
 * The Control Center's UI labels in both languages, from the domain brief. `exact` marks the
 * labels that come from Loftware's own help page: guide and simulator use them verbatim.
 */
export interface GlossaryTerm {
	id: string;
	de: string;
	en: string;
	exact: boolean;
}

export const glossary: readonly GlossaryTerm[] = [
	{ id: "control-center", de: "Control Center", en: "Control Center", exact: true },
	{ id: "users", de: "Benutzer", en: "Users", exact: true },
	{ id: "invite-guest-user", de: "Gastbenutzer einladen", en: "Invite guest user", exact: true },
	{ id: "settings", de: "Einstellungen", en: "Settings", exact: true },
	{ id: "access-roles", de: "Zugriffsrollen", en: "Access Roles", exact: true },
	{ id: "administration", de: "Verwaltung", en: "Administration", exact: true },
	{ id: "service-provider", de: "Service Provider", en: "Service Provider", exact: true },
	{ id: "invite", de: "Einladen", en: "Invite", exact: true },
	{ id: "account-information", de: "Kontoinformationen", en: "Account Information", exact: true },
	{
		id: "cloud-notifications",
		de: "Loftware Cloud Benachrichtigungen",
		en: "Loftware Cloud Notifications",
		exact: true,
	},
	{
		id: "edit-notification-recipients",
		de: "Benachrichtigungsempfänger bearbeiten",
		en: "Edit notification recipients",
		exact: true,
	},
	{
		id: "notification-recipients-window",
		de: "Loftware Cloud Benachrichtigungsempfänger",
		en: "Loftware Cloud notification recipients",
		exact: true,
	},
	{ id: "save", de: "Speichern", en: "Save", exact: true },
	{
		id: "customer-information",
		de: "Kundeninformationen",
		en: "customer information",
		exact: true,
	},
	{
		id: "transfer-ownership",
		de: "Kontoinhaberschaft übertragen",
		en: "Transfer account ownership",
		exact: true,
	},
	{ id: "design-labels", de: "Etiketten gestalten", en: "Design labels", exact: true },
	{
		id: "build-configurations",
		de: "Konfigurationen erstellen",
		en: "Build configurations",
		exact: true,
	},
	{
		id: "configure-data-integrations",
		de: "Datenintegrationen konfigurieren",
		en: "Configure data integrations",
		exact: true,
	},
	{
		id: "add-users-and-roles",
		de: "Benutzer hinzufügen und Zugriffsrollen zuweisen",
		en: "Add users and assign access roles",
		exact: true,
	},
	{ id: "label-templates", de: "Etikettenvorlagen", en: "Label templates", exact: true },
	{
		id: "getting-started",
		de: "Erste Schritte mit Loftware Cloud",
		en: "Getting started with Loftware Cloud",
		exact: true,
	},
	{ id: "guest-user", de: "Gastbenutzer", en: "Guest user", exact: false },
	{ id: "add", de: "Hinzufügen", en: "Add", exact: false },
	{ id: "remove", de: "Entfernen", en: "Remove", exact: false },
	{ id: "cancel", de: "Abbrechen", en: "Cancel", exact: false },
	{ id: "first-name", de: "Vorname", en: "First name", exact: false },
	{ id: "last-name", de: "Nachname", en: "Last name", exact: false },
	{ id: "email", de: "E-Mail", en: "E-mail", exact: false },
	{ id: "status-invited", de: "Eingeladen", en: "Invited", exact: false },
	{ id: "status-active", de: "Aktiv", en: "Active", exact: false },
	{ id: "documents", de: "Dokumente", en: "Documents", exact: false },
	{ id: "document-storage", de: "Dokumentenspeicher", en: "Document Storage", exact: false },
	{ id: "applications", de: "Anwendungen", en: "Applications", exact: false },
	{ id: "integrations", de: "Integrationen", en: "Integrations", exact: false },
	{ id: "automation", de: "Automation", en: "Automation", exact: false },
	{ id: "cloud-trigger", de: "Cloud-Trigger", en: "Cloud Trigger", exact: false },
	{ id: "start", de: "Starten", en: "Start", exact: false },
	{ id: "stop", de: "Stoppen", en: "Stop", exact: false },
	{ id: "printers", de: "Drucker", en: "Printers", exact: false },
	{ id: "history", de: "Verlauf", en: "History", exact: false },
	{ id: "dashboard", de: "Dashboard", en: "Dashboard", exact: false },
];
