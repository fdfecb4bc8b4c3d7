import type { Dialect, SqlValue } from "./database.ts";

/** The few expressions SQLite and PostgreSQL spell differently, for the stores' shared SQL. */
export interface SqlWords {
	/** Text values of a group joined by spaces. */
	joinSpaced(expression: string): string;
	/** Whether `haystack` contains `needle` (a parameter), case-sensitively. */
	contains(haystack: string, needle: string): string;
	/** `column IN (the list)` for one parameter holding a list of text. */
	inList(column: string, values: readonly string[]): { sql: string; param: SqlValue };
	/** The smaller and larger of two values (SQLite's scalar min/max). */
	least(a: string, b: string): string;
	greatest(a: string, b: string): string;
	/** A non-negative number cut to its whole part. */
	whole(expression: string): string;
}

const sqlite: SqlWords = {
	joinSpaced: (e) => `group_concat(${e}, ' ')`,
	contains: (h, n) => `instr(${h}, ${n}) > 0`,
	inList: (column, values) => ({
		sql: `${column} IN (SELECT value FROM json_each(?))`,
		param: JSON.stringify(values),
	}),
	least: (a, b) => `min(${a}, ${b})`,
	greatest: (a, b) => `max(${a}, ${b})`,
	whole: (e) => `CAST(${e} AS INTEGER)`,
};

const postgres: SqlWords = {
	joinSpaced: (e) => `string_agg(${e}, ' ')`,
	contains: (h, n) => `strpos(${h}, ${n}) > 0`,
	inList: (column, values) => ({ sql: `${column} = ANY(?::text[])`, param: values }),
	least: (a, b) => `least(${a}, ${b})`,
	greatest: (a, b) => `greatest(${a}, ${b})`,
	whole: (e) => `floor(${e})::integer`,
};

export function sqlWords(dialect: Dialect): SqlWords {
	return dialect === "postgres" ? postgres : sqlite;
}
