import type { DatabaseSync, SQLInputValue } from "node:sqlite";
import { statementCache } from "./statement-cache.ts";
import type { Database, Queryable, Row, SqlValue } from "./database.ts";

/**
 * The store's database in one SQLite file (`sqlite-schema.ts` holds its migrations). Statements run
 * synchronously on the one connection. A transaction's statements are awaited one by one, so
 * another request's statement could otherwise slip into it (or start a second transaction on the
 * same connection); while one is open, everything else waits for it in turn.
 */
export class SqliteDatabase implements Database {
	readonly dialect = "sqlite" as const;
	readonly db: DatabaseSync;
	readonly #sql: ReturnType<typeof statementCache>;
	/** Settles when the open transaction (if any) has ended. */
	#idle: Promise<void> | null = null;
	readonly #direct: Queryable;

	constructor(db: DatabaseSync) {
		this.db = db;
		this.#sql = statementCache(db);
		const params = (values: readonly SqlValue[]) => values as SQLInputValue[];
		this.#direct = {
			dialect: "sqlite",
			all: async <T>(sql: string, values: readonly SqlValue[] = []) =>
				this.#sql(sql).all(...params(values)) as T[],
			get: async <T>(sql: string, values: readonly SqlValue[] = []) =>
				this.#sql(sql).get(...params(values)) as T | undefined,
			run: async (sql: string, values: readonly SqlValue[] = []) =>
				Number(this.#sql(sql).run(...params(values)).changes),
		};
	}

	// Each caller waits in a loop of its own and acts right after its last look, with no await in
	// between: a helper that waited and then returned would let two callers through together.

	async all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
		while (this.#idle !== null) await this.#idle;
		return this.#direct.all<T>(sql, params);
	}

	async get<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
		while (this.#idle !== null) await this.#idle;
		return this.#direct.get<T>(sql, params);
	}

	async run(sql: string, params?: readonly SqlValue[]): Promise<number> {
		while (this.#idle !== null) await this.#idle;
		return this.#direct.run(sql, params);
	}

	async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
		while (this.#idle !== null) await this.#idle;
		let done!: () => void;
		this.#idle = new Promise((resolve) => (done = resolve));
		try {
			this.db.exec("BEGIN IMMEDIATE");
			try {
				const result = await fn(this.#direct);
				this.db.exec("COMMIT");
				return result;
			} catch (error) {
				if (this.db.isTransaction) this.db.exec("ROLLBACK");
				throw error;
			}
		} finally {
			this.#idle = null;
			done();
		}
	}

	async ping(): Promise<void> {
		await this.get("SELECT 1");
	}

	async close(): Promise<void> {
		while (this.#idle !== null) await this.#idle;
		if (this.db.isOpen) this.db.close();
	}
}
