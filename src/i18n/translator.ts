import i18next, { type TOptions } from "i18next";
import type { Locale, Translate } from "../simulator/text/locale.ts";
import { messages } from "./messages.ts";

// Both languages through i18next itself, for the server, the trainer pages and tests. The browser
// uses the small compatible translator of i18n-core.ts (see there why).
const cache = new Map<Locale, Translate>();

function create(locale: Locale): Translate {
	// Starlight's type augmentation fixes i18next's default namespace to "starlight"
	// (withastro/starlight#2742), so this instance is created and typed on its own.
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		fallbackLng: false,
		resources: { [locale]: { translation: messages[locale] } },
		initAsync: false,
		// Astro and Solid render text, never HTML, so i18next must not escape a second time.
		interpolation: { escapeValue: false },
		returnNull: false,
	});
	return (key, params) => instance.t(key, params as TOptions) as string;
}

export function translator(locale: Locale): Translate {
	let t = cache.get(locale);
	if (!t) cache.set(locale, (t = create(locale)));
	return t;
}
