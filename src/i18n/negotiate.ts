import { locales, type Locale } from "../simulator/text/locale.ts";

export const defaultLocale: Locale = "de";

/**
 * Picks the guide language from an Accept-Language header: English only when the visitor
 * prefers it over German; everyone else gets the German default.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
	if (!header) return defaultLocale;
	let best: { locale: Locale; q: number } | undefined;
	for (const part of header.split(",")) {
		const [tag = "", ...params] = part.trim().split(";");
		const base = tag.trim().toLowerCase().split("-")[0];
		const locale = locales.find((l) => l === base);
		if (!locale) continue;
		const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
		const q = qParam ? Number(qParam.slice(2)) : 1;
		if (!Number.isFinite(q) || q <= 0) continue;
		// Equal weights keep the header's order: the earlier entry wins.
		if (!best || q > best.q) best = { locale, q };
	}
	return best?.locale ?? defaultLocale;
}
