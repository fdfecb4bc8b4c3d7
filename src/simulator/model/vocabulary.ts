/** Closed vocabularies of the account model; ids are stable, display texts live in the i18n files. */

/** What starts an Automation configuration. */
export const triggers = [
	"cloud-trigger",
	"file-trigger",
	"http-trigger",
	"database-trigger",
] as const;
export type Trigger = (typeof triggers)[number];

/** Kinds of data integration: generic connections and the pre-built ERP connectors. */
export const integrationKinds = ["database", "cloud-api", "sftp", "sap-glm", "oracle-ebs"] as const;
export type IntegrationKind = (typeof integrationKinds)[number];

/** Guest users are invited by e-mail; organizational users come from the customer's directory. */
export const userKinds = ["guest", "organizational"] as const;
export type UserKind = (typeof userKinds)[number];

export const userStatuses = ["invited", "active"] as const;
export type UserStatus = (typeof userStatuses)[number];

/** E-mails the account sends; texts are `mail.<kind>.subject` and `mail.<kind>.body`. */
export const mailKinds = [
	"account-ready",
	"invitation",
	"recipients-updated",
	"user-activated",
] as const;
export type MailKind = (typeof mailKinds)[number];
