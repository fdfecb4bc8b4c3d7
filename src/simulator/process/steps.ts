/**
 * The stable step ids of the staging procedure (domain brief). They name each step everywhere:
 * guide anchors (identical in German and English), the process definition and grading findings.
 */
export const stepIds = [
	"order-account",
	"prepare-environment",
	"design-labels",
	"build-configurations",
	"configure-data-integrations",
	"add-users-and-roles",
	"transfer-ownership",
	"invite-guest-user",
	"grant-administration",
	"send-invitation",
	"step-down-to-service-provider",
	"set-up-notifications",
	"edit-notification-recipients",
] as const;

export type StepId = (typeof stepIds)[number];
