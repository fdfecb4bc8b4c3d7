import type { Locale } from "../../i18n/translator.ts";

/** Dates in the server's time zone, which is the trainer's when the server runs on their laptop. */
export function formatDate(locale: Locale, iso: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
		new Date(iso),
	);
}

/** m:ss, or h:mm:ss from an hour on. */
export function formatDuration(ms: number | null): string {
	if (ms === null || ms < 0) return "–";
	const total = Math.round(ms / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, "0");
	return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function formatPercent(locale: Locale, share: number | null): string {
	if (share === null) return "–";
	return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
		share,
	);
}

export function formatNumber(locale: Locale, value: number | null, digits = 0): string {
	if (value === null) return "–";
	return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}
