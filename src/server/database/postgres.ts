import pg from "pg";
import {
	isDatabaseUnavailable,
	isTransactionConflict,
	type Database,
	type Queryable,
	type Row,
	type SqlValue,
} from "./database.ts";
import { postgresMigrations } from "./postgres-schema.ts";

/** How often a transaction that lost a deadlock or serialization conflict is run again. */
const conflictRetries = 5;

/**
 * A query that gets no answer for this long fails (and the request answers 503): a database host
 * that vanished without closing its connections must not hold requests forever.
 */
const queryTimeoutMs = 15_000;

/** Any fixed number: the advisory lock all instances take to migrate one at a time. */
const migrationLock = 0x5747_2017;

/** 64-bit integers (count(*), BIGINT columns) and numerics (avg) as numbers, as SQLite gives them. */
const types = {
	getTypeParser: ((oid: number, format?: "text" | "binary") =>
		oid === 20 || oid === 1700
			? (value: string) => Number(value)
			: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The stores write `?` for each parameter; PostgreSQL numbers them. Converted once per text. */
const converted = new Map<string, string>();
function numbered(sql: string): string {
	let text = converted.get(sql);
	if (text === undefined) {
		let n = 0;
		text = sql.replace(/\?/g, () => `$${++n}`);
		converted.set(sql, text);
	}
	return text;
}

interface Client {
	query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

function queryable(client: Client): Queryable {
	const query = (sql: string, params: readonly SqlValue[] = []) =>
		client.query(numbered(sql), params as unknown[]);
	return {
		dialect: "postgres",
		all: async <T>(sql: string, params?: readonly SqlValue[]) =>
			(await query(sql, params)).rows as T[],
		get: async <T>(sql: string, params?: readonly SqlValue[]) =>
			(await query(sql, params)).rows[0] as T | undefined,
		run: async (sql: string, params?: readonly SqlValue[]) =>
			(await query(sql, params)).rowCount ?? 0,
	};
}

/** The store's database on a PostgreSQL server, shared by every server instance. */
export class PostgresDatabase implements Database {
	readonly dialect = "postgres" as const;
	readonly #pool: pg.Pool;
	readonly #direct: Queryable;
	#closed = false;

	private constructor(pool: pg.Pool) {
		this.#pool = pool;
		this.#direct = queryable(pool);
	}

	/**
	 * Connects, checks the server answers and brings the schema up to date. Throws (and leaves no
	 * connection open) when the server cannot be reached or refuses; the caller stops the start.
	 */
	static async open(
		url: string,
		options: { max?: number; connectTimeoutMs?: number } = {},
	): Promise<PostgresDatabase> {
		const pool = new pg.Pool({
			connectionString: url,
			max: options.max ?? 10,
			connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
			query_timeout: queryTimeoutMs,
			// TCP keep-alive notices a peer that is gone while a connection sits idle in the pool.
			keepAlive: true,
			types,
		});
		// An idle connection the server dropped (a restart) must not crash the process; the pool
		// opens a new one on the next query.
		pool.on("error", (error) =>
			console.error("[score server] PostgreSQL connection lost:", error.message),
		);
		const database = new PostgresDatabase(pool);
		try {
			await migrate(pool);
		} catch (error) {
			await pool.end().catch(() => {});
			throw error;
		}
		return database;
	}

	all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
		return this.#direct.all<T>(sql, params);
	}

	get<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
		return this.#direct.get<T>(sql, params);
	}

	run(sql: string, params?: readonly SqlValue[]): Promise<number> {
		return this.#direct.run(sql, params);
	}

	async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.#once(fn);
			} catch (error) {
				if (!isTransactionConflict(error) || attempt >= conflictRetries) throw error;
				// A few milliseconds, different for each, so the two do not meet again at once.
				await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
			}
		}
	}

	async #once<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
		const client = await this.#pool.connect();
		let broken = false;
		try {
			await client.query("BEGIN");
			try {
				const result = await fn(queryable(client));
				await client.query("COMMIT");
				return result;
			} catch (error) {
				await client.query("ROLLBACK").catch(() => (broken = true));
				throw error;
			}
		} catch (error) {
			broken ||= isDatabaseUnavailable(error);
			throw error;
		} finally {
			// A connection that failed mid-transaction is dropped rather than handed out again.
			client.release(broken);
		}
	}

	async ping(): Promise<void> {
		await this.#pool.query("SELECT 1");
	}

	async close(): Promise<void> {
		if (this.#closed) return;
		this.#closed = true;
		await this.#pool.end();
	}
}

/**
 * Applies the steps of `postgresMigrations` not yet recorded, each in its own transaction, under an
 * advisory lock: instances starting together wait for each other, and the second finds the work
 * done.
 */
async function migrate(pool: pg.Pool): Promise<void> {
	const client = await pool.connect();
	try {
		await client.query("SELECT pg_advisory_lock($1)", [migrationLock]);
		try {
			await client.query(
				`CREATE TABLE IF NOT EXISTS schema_migrations (
					version INTEGER PRIMARY KEY,
					applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
				)`,
			);
			const { rows } = await client.query<{ version: number | null }>(
				"SELECT max(version) AS version FROM schema_migrations",
			);
			const current = rows[0]?.version ?? 0;
			if (current > postgresMigrations.length) {
				throw new Error(
					`The score database has schema version ${current}; this server knows up to ${postgresMigrations.length}. Update the server.`,
				);
			}
			for (let version = current; version < postgresMigrations.length; version++) {
				await client.query("BEGIN");
				try {
					await client.query(postgresMigrations[version] as string);
					await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version + 1]);
					await client.query("COMMIT");
				} catch (error) {
					await client.query("ROLLBACK");
					throw error;
				}
			}
		} finally {
			// The lock ends with the session anyway; a failed unlock must not hide why we stopped.
			await client.query("SELECT pg_advisory_unlock($1)", [migrationLock]).catch(() => {});
		}
	} finally {
		client.release();
	}
}
