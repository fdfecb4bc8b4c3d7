import * as z from "zod/mini";
import type { StepId } from "./steps.ts";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

/**
 * A translator as the UI and the server have one (i18next's `t` or the browser's small one); core
 * functions that produce text take one, so they stay pure and serve both.
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** The guide page of the procedure; each step's section carries the step id as its anchor. */
export function guideHref(locale: Locale, step: StepId): string {
	return `/${locale}/staging/#${step}`;
}
