import type { DatabaseSync } from "node:sqlite";
import { redactedUrl, type ServerConfig } from "../config.ts";
import { openDatabase } from "./sqlite-schema.ts";
import type { Database } from "./database.ts";
import { SqliteDatabase } from "./sqlite.ts";

/** The store's database as the configuration chooses it, open and migrated. */
export type OpenedDatabase =
	| { readonly kind: "sqlite"; readonly database: SqliteDatabase; readonly sqlite: DatabaseSync }
	| { readonly kind: "postgres"; readonly database: Database };

/** An error's reason in one line: a host with several addresses fails with an empty message. */
function describe(error: unknown): string {
	if (error instanceof AggregateError && error.message === "") {
		return [...new Set(error.errors.map(describe))].join("; ");
	}
	if (error instanceof Error) {
		return error.message || String((error as { code?: unknown }).code ?? error.name);
	}
	return String(error);
}

/** The database cannot be used: the message says which and why, without the password. */
export class DatabaseUnavailableError extends Error {
	override readonly name = "DatabaseUnavailableError";
	readonly hint =
		"Check that the PostgreSQL server runs and can be reached from here, and that DATABASE_URL names the right user, password and database (the user needs to create tables in it); or leave DATABASE_URL unset to keep scores in the SQLite file SCORES_DB.";
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
			const reason = describe(error);
			throw new DatabaseUnavailableError(
				`cannot use the PostgreSQL database ${redactedUrl(config.databaseUrl)}: ${reason}`,
				{ cause: error },
			);
		}
	}
	const sqlite = openDatabase(config.dbPath, config.sync);
	return { kind: "sqlite", database: new SqliteDatabase(sqlite), sqlite };
}
