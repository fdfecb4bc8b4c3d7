/**
 * Days as trainers give them (YYYY-MM-DD), in the server's time zone: the attempt filters and the
 * cohorts' open and close dates both count whole days there.
 */
const day = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Local midnight of a YYYY-MM-DD day from 1970 to 9999, or null if there is no such day. Stored
 * times compare as ISO text, which holds only for four-digit years.
 */
export function localDay(value: string): Date | null {
	if (!day.test(value)) return null;
	const [y, m, d] = value.split("-").map(Number) as [number, number, number];
	if (y < 1970) return null;
	const date = new Date(y, m - 1, d);
	return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d
		? date
		: null;
}

/** The local midnight after a day: where a day given as inclusive ends. */
export function dayAfter(date: Date): Date {
	return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
}

/** A local date as YYYY-MM-DD. */
export function dayOf(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
