import * as z from "zod/mini";
import { locales, type Locale } from "../../i18n/i18n-core.ts";
import type { StepId } from "./steps.ts";

// One tuple of languages for the whole project (a test checks astro.config.mjs agrees).
export { locales, type Locale, type Translate } from "../../i18n/i18n-core.ts";
export const localeSchema = z.enum(locales);

/** The guide page of the procedure; each step's section carries the step id as its anchor. */
export function guideHref(locale: Locale, step: StepId): string {
	return `/${locale}/staging/#${step}`;
}
