import { attemptModes, type AttemptMode } from "../../simulator/attempt/schema.ts";
import { dayAfter, localDay } from "../days.ts";

/** What a trainer can narrow the attempt list, the CSV and the summary to. */
export interface AttemptFilter {
	readonly cohort?: string | undefined;
	/** A cohort the server knows (its id), for the attempts it issued; not a URL parameter. */
	readonly cohortId?: string | undefined;
	/** Part of the trainee's name, any letter case. */
	readonly trainee?: string | undefined;
	readonly scenario?: string | undefined;
	readonly mode?: AttemptMode | undefined;
	readonly passed?: boolean | undefined;
	/** Earliest time taken (ISO instant, inclusive). */
	readonly from?: string | undefined;
	/** Latest time taken (ISO instant, exclusive). */
	readonly to?: string | undefined;
	/**
	 * Only what this trainer account may see: free attempts (no cohort) and those of the cohorts
	 * it owns or that are shared. Set from the signed-in trainer (`visibleTo`), never from a URL parameter.
	 */
	readonly viewer?: string | undefined;
}

/** `filter` narrowed to what `trainer` may see: everything for an administrator. */
export function visibleTo(
	filter: AttemptFilter,
	trainer: { readonly id: string; readonly role: string },
): AttemptFilter {
	return trainer.role === "admin" ? filter : { ...filter, viewer: trainer.id };
}

export const sortKeys = [
	"date",
	"trainee",
	"cohort",
	"scenario",
	"mode",
	"score",
	"passed",
	"duration",
	"hints",
] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDirection = "asc" | "desc";

export interface ListQuery {
	readonly filter: AttemptFilter;
	readonly sort: SortKey;
	readonly dir: SortDirection;
	readonly page: number;
	readonly pageSize: number;
}

export const defaultPageSize = 50;
export const maxPageSize = 200;

/** A parsed query and what was wrong with it (unknown values are left out of the query). */
export interface ParsedQuery {
	readonly query: ListQuery;
	readonly problems: readonly string[];
}

function text(params: URLSearchParams, name: string): string | undefined {
	const value = params.get(name)?.trim();
	return value === undefined || value === "" ? undefined : value.slice(0, 200);
}

/**
 * Reads list parameters: cohort, trainee, scenario, mode, passed (true/false), from and to
 * (YYYY-MM-DD, days in the server's time zone, both inclusive), sort, dir, page, pageSize.
 */
export function parseListQuery(params: URLSearchParams): ParsedQuery {
	const problems: string[] = [];
	const filter: {
		-readonly [K in keyof AttemptFilter]: AttemptFilter[K];
	} = {
		cohort: text(params, "cohort"),
		trainee: text(params, "trainee"),
		scenario: text(params, "scenario"),
	};

	const mode = text(params, "mode");
	if (mode !== undefined) {
		if ((attemptModes as readonly string[]).includes(mode)) filter.mode = mode as AttemptMode;
		else problems.push(`mode: expected one of ${attemptModes.join(", ")}`);
	}
	const passed = text(params, "passed");
	if (passed !== undefined) {
		if (passed === "true" || passed === "false") filter.passed = passed === "true";
		else problems.push("passed: expected true or false");
	}
	const dayProblem = "expected a date from 1970-01-01 to 9999-12-31 as YYYY-MM-DD";
	const from = text(params, "from");
	const fromDay = from === undefined ? null : localDay(from);
	if (from !== undefined) {
		if (fromDay === null) problems.push(`from: ${dayProblem}`);
		else filter.from = fromDay.toISOString();
	}
	const to = text(params, "to");
	if (to !== undefined) {
		const date = localDay(to);
		if (date === null) problems.push(`to: ${dayProblem}`);
		else if (fromDay !== null && date < fromDay) problems.push("to: must not be before from");
		else {
			// Inclusive day: everything before the next local midnight (no bound after 9999-12-31).
			const next = dayAfter(date);
			if (next.getFullYear() <= 9999) filter.to = next.toISOString();
		}
	}

	let sort: SortKey = "date";
	const sortValue = text(params, "sort");
	if (sortValue !== undefined) {
		if ((sortKeys as readonly string[]).includes(sortValue)) sort = sortValue as SortKey;
		else problems.push(`sort: expected one of ${sortKeys.join(", ")}`);
	}
	let dir: SortDirection = sort === "date" || sort === "score" ? "desc" : "asc";
	const dirValue = text(params, "dir");
	if (dirValue !== undefined) {
		if (dirValue === "asc" || dirValue === "desc") dir = dirValue;
		else problems.push("dir: expected asc or desc");
	}

	const page = integer(params, "page", 1, Number.MAX_SAFE_INTEGER, problems) ?? 1;
	const pageSize = integer(params, "pageSize", 1, maxPageSize, problems) ?? defaultPageSize;
	return { query: { filter, sort, dir, page, pageSize }, problems };
}

function integer(
	params: URLSearchParams,
	name: string,
	min: number,
	max: number,
	problems: string[],
): number | undefined {
	const value = text(params, name);
	if (value === undefined) return undefined;
	const number = Number(value);
	if (Number.isInteger(number) && number >= min && number <= max) return number;
	problems.push(`${name}: expected a whole number from ${min} to ${max}`);
	return undefined;
}

/** The filter back as URL parameters (dates as given), for links that keep the current view. */
export function filterParams(params: URLSearchParams): URLSearchParams {
	const out = new URLSearchParams();
	for (const name of ["cohort", "trainee", "scenario", "mode", "passed", "from", "to"]) {
		const value = params.get(name)?.trim();
		if (value) out.set(name, value);
	}
	return out;
}
