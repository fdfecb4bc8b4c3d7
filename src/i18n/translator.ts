import de from "./de.json";
import en from "./en.json";
import { createTranslator, type Locale, type Translate } from "./i18n-core.ts";

export { isLocale, locales, type Locale, type Translate } from "./i18n-core.ts";

// Both languages, for the server, the trainer pages and tests; the browser uses i18n-core.
const messages = { de, en } as const;
const cache = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
	let t = cache.get(locale);
	if (!t) cache.set(locale, (t = createTranslator(locale, messages[locale])));
	return t;
}
