import type { DatabaseSync } from "node:sqlite";
import { redactedUrl, type ServerConfig } from "../config.ts";
import { openDatabase } from "../db.ts";
import type { Database } from "./database.ts";
import { SqliteDatabase } from "./sqlite.ts";

/** The store's database as the configuration chooses it, open and migrated. */
export type OpenedDatabase =
	| { readonly kind: "sqlite"; readonly database: SqliteDatabase; readonly sqlite: DatabaseSync }
	| { readonly kind: "postgres"; readonly database: Database };

/** The database cannot be used: the message says which and why, without the password. */
export class DatabaseUnavailableError extends Error {
	override readonly name = "DatabaseUnavailableError";
}

/**
 * Opens DATABASE_URL's PostgreSQL server (loading its client only then), else the SQLite file.
 * A server that cannot be reached, refuses the sign-in or lacks the database is an error here, so
 * the server does not start half-way.
 */
export async function openConfiguredDatabase(
	config: Pick<ServerConfig, "databaseUrl" | "dbPath" | "sync">,
): Promise<OpenedDatabase> {
	if (config.databaseUrl !== null) {
		const { PostgresDatabase } = await import("./postgres.ts");
		try {
			return { kind: "postgres", database: await PostgresDatabase.open(config.databaseUrl) };
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			throw new DatabaseUnavailableError(
				`cannot use the PostgreSQL database ${redactedUrl(config.databaseUrl)}: ${reason}`,
				{ cause: error },
			);
		}
	}
	const sqlite = openDatabase(config.dbPath, config.sync);
	return { kind: "sqlite", database: new SqliteDatabase(sqlite), sqlite };
}
