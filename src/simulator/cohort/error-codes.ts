/**
 * Why the server refuses to open or take an attempt of a cohort; the browser says each in the
 * trainee's language (`cohort.errors.<code>` in `src/i18n/cohort-<locale>.json`).
 */
export const cohortErrorCodes = [
	"unknown-code",
	"not-open-yet",
	"closed",
	"not-assigned",
	"limit-reached",
	"invalid-token",
	"token-mismatch",
] as const;
export type CohortErrorCode = (typeof cohortErrorCodes)[number];
