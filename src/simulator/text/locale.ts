/**
 * The site's languages, German first. The core knows them as data (an attempt records its
 * language, a guide link names one); the wording itself lives outside the core, in `src/i18n/`.
 * No zod here: the practice page's first screen needs the languages but not the schema library.
 */
export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
	return locales.includes(value as Locale);
}

/**
 * Turns a message key and its parameters into text in one language. The core builds briefs,
 * requirement tables and findings through it without knowing where the texts come from: i18next on
 * the server, a small translator in the browser (`src/i18n/i18n-core.ts`).
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string;
