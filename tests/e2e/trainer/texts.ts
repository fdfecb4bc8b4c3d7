import i18next, { type TOptions } from "i18next";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };

/** The site's texts for assertions; the JSON is imported with attributes, as Node's loader needs. */
export function texts(
	locale: "de" | "en",
): (key: string, params?: Record<string, unknown>) => string {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		resources: { [locale]: { translation: locale === "de" ? de : en } },
		initAsync: false,
		interpolation: { escapeValue: false },
	});
	return (key, params) => instance.t(key, params as TOptions) as string;
}
