import type { Locale } from "../../simulator/text/locale.ts";

/** Dates in the server's time zone, which is the trainer's when the server runs on their laptop. */
export function formatDate(locale: Locale, iso: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
		new Date(iso),
	);
}

/** A day given as YYYY-MM-DD, written as the language writes dates ("28.11.2026", "Nov 28, 2026"). */
export function formatDay(locale: Locale, day: string): string {
	const [y, m, d] = day.split("-").map(Number) as [number, number, number];
	return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(y, m - 1, d));
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
