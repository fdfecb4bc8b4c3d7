import * as z from "zod/mini";
import type { StepId } from "./steps.ts";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

/** The guide page of the procedure; each step's section carries the step id as its anchor. */
export function guideHref(locale: Locale, step: StepId): string {
	return `/${locale}/staging/#${step}`;
}
