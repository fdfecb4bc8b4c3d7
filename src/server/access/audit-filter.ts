import { z } from "zod";
import { auditActions, type AuditFilter } from "./audit.ts";

const day = z.iso.date();

const querySchema = z.object({
	action: z.enum(auditActions).optional(),
	actor: z.string().max(254).optional(),
	from: day.optional(),
	to: day.optional(),
});

/**
 * The audit page's and CSV's filter from a query string; empty fields mean "any". A value that is
 * not one the form offers (a hand-edited address) is dropped rather than refused, and reported.
 */
export function parseAuditQuery(params: URLSearchParams): {
	filter: AuditFilter;
	problems: string[];
} {
	const raw: Record<string, string> = {};
	for (const key of ["action", "actor", "from", "to"]) {
		const value = params.get(key)?.trim();
		if (value) raw[key] = value;
	}
	const parsed = querySchema.safeParse(raw);
	if (parsed.success) return { filter: parsed.data, problems: [] };
	const wrong = new Set(parsed.error.issues.map((i) => String(i.path[0])));
	const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !wrong.has(k)));
	return { filter: querySchema.parse(kept), problems: [...wrong] };
}

/** The filter as a query string, for the CSV link beside the page. */
export function auditQuery(filter: AuditFilter): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(filter)) {
		if (typeof value === "string" && value !== "") params.set(key, value);
	}
	const text = params.toString();
	return text === "" ? "" : `?${text}`;
}
