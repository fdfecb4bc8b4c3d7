import type { Locale } from "../text/locale.ts";
import type { StepId } from "./steps.ts";

/** The guide page of the procedure; each step's section carries the step id as its anchor. */
export function guideHref(locale: Locale, step: StepId): string {
	return `/${locale}/staging/#${step}`;
}
