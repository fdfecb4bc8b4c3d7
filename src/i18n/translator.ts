import i18next, { type i18n, type TOptions } from "i18next";
import de from "./de.json";
import en from "./en.json";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];

/** Translates a key of src/i18n/<locale>.json; params fill `{{name}}` placeholders. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

// Starlight's type augmentation fixes i18next's default namespace to "starlight"
// (withastro/starlight#2742), so this instance is created and typed on its own.
const instances = new Map<Locale, i18n>();

function instance(locale: Locale): i18n {
	let found = instances.get(locale);
	if (!found) {
		found = i18next.createInstance();
		void found.init({
			lng: locale,
			fallbackLng: false,
			resources: { de: { translation: de }, en: { translation: en } },
			initAsync: false,
			// Solid renders text nodes, never HTML, so i18next must not escape a second time.
			interpolation: { escapeValue: false },
			returnNull: false,
		});
		instances.set(locale, found);
	}
	return found;
}

export function translator(locale: Locale): Translate {
	const i = instance(locale);
	return (key, params) => i.t(key, params as TOptions) as string;
}

export function isLocale(value: unknown): value is Locale {
	return locales.includes(value as Locale);
}
