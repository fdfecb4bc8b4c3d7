/**
 * The score store's connection to its database, the same for SQLite (the default, one machine) and
 * PostgreSQL (`DATABASE_URL`, several server instances). The stores write their SQL once, with `?`
 * for each parameter, in the part of SQL both databases share; where they differ, `dialect` picks
 * the words (see `sql-dialect.ts`). Values are numbers, text or null; PostgreSQL's 64-bit integers
 * and numerics come back as numbers, as SQLite's do.
 */
export type Dialect = "sqlite" | "postgres";

/** A parameter: text, a number, null, or (for `Dialect.inList`) a list of text. */
export type SqlValue = string | number | null | readonly string[];

export type Row = Record<string, unknown>;

/** Runs statements: on the database, or inside one transaction. */
export interface Queryable {
	readonly dialect: Dialect;
	all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
	get<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
	/** Runs a statement; the number of rows it changed. */
	run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface Database extends Queryable {
	/**
	 * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Every
	 * statement of the transaction goes through `tx`. A transaction that lost a deadlock or a
	 * serialization conflict to another (PostgreSQL) is run again from the start, a few times, so
	 * `fn` must do nothing but its statements.
	 */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	/** Whether the database answers now (the health check). */
	ping(): Promise<void>;
	close(): Promise<void>;
}

/**
 * Whether an error means the database cannot be reached right now (the connection, not the
 * statement, failed): PostgreSQL restarting or out of reach. The request can be tried again.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	if (typeof code === "string") {
		// Node's socket errors.
		if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)$/.test(code)) {
			return true;
		}
		// PostgreSQL's classes 08 (connection), 57P01–03 (shutdown) and 53300 (too many connections).
		if (/^08|^57P0[1-3]$|^53300$/.test(code)) return true;
	}
	if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
	// Opening the store wraps the driver's error (database/open.ts).
	if (error instanceof Error && error.cause !== undefined && isDatabaseUnavailable(error.cause)) {
		return true;
	}
	return (
		error instanceof Error &&
		/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|Query read timeout/i.test(
			error.message,
		)
	);
}

/**
 * Whether a transaction failed only because another one got in its way (PostgreSQL's deadlock or
 * serialization failure): run again from the start, it will go through.
 */
export function isTransactionConflict(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === "40P01" || code === "40001";
}

/** Whether an error is the database refusing a second row with the same unique key. */
export function isUniqueViolation(error: unknown): boolean {
	if (typeof error !== "object" || error === null) return false;
	// PostgreSQL's SQLSTATE for unique_violation; SQLite says it in words.
	if ((error as { code?: unknown }).code === "23505") return true;
	return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}
