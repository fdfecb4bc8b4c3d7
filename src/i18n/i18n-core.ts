import i18next, { type TOptions } from "i18next";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];

/** Translates a key of src/i18n/<locale>.json; params fill `{{name}}` placeholders. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export type Messages = Record<string, unknown>;

/**
 * A translator over one language's messages. The browser loads only the page's language (one
 * entry module per language imports its JSON), so the other language's strings are never shipped.
 * Starlight's type augmentation fixes i18next's default namespace to "starlight"
 * (withastro/starlight#2742), so this instance is created and typed on its own.
 */
export function createTranslator(locale: Locale, messages: Messages): Translate {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		fallbackLng: false,
		resources: { [locale]: { translation: messages } },
		initAsync: false,
		// Solid and Astro render text, never HTML, so i18next must not escape a second time.
		interpolation: { escapeValue: false },
		returnNull: false,
	});
	return (key, params) => instance.t(key, params as TOptions) as string;
}

export function isLocale(value: unknown): value is Locale {
	return locales.includes(value as Locale);
}
