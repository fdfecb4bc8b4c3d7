// Opens the score store for the trainer account commands, as the server would (SCORES_DB or
// DATABASE_URL), with its configuration errors as one line and a hint.
import { AccountStore } from "../src/server/access/accounts.ts";
import { AuditLog, type AuditActor } from "../src/server/access/audit.ts";
import { ConfigError, readConfig, redactedUrl, type ServerConfig } from "../src/server/config.ts";
import type { Database } from "../src/server/database/database.ts";
import { DatabaseUnavailableError, openConfiguredDatabase } from "../src/server/database/open.ts";

/** The audit trail's actor and address for whatever is done at the server's command line. */
export const commandLine: AuditActor = { id: null, name: "command line" };
export const commandLineAddress = "command line";

export interface TrainerStore {
	readonly config: ServerConfig;
	readonly db: Database;
	readonly accounts: AccountStore;
	readonly audit: AuditLog;
	/** The database, for messages: the SQLite file or the PostgreSQL address without its password. */
	readonly where: string;
}

export async function openTrainerStore(): Promise<TrainerStore> {
	let config: ServerConfig;
	try {
		config = readConfig();
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(`${error.message}\n  Hint: ${error.hint}`);
		process.exit(2);
	}
	let opened;
	try {
		opened = await openConfiguredDatabase(config);
	} catch (error) {
		if (!(error instanceof DatabaseUnavailableError)) throw error;
		console.error(`${error.message}\n  Hint: ${error.hint}`);
		process.exit(1);
	}
	const db = opened.database;
	return {
		config,
		db,
		accounts: new AccountStore(db),
		audit: new AuditLog(db),
		where: config.databaseUrl === null ? config.dbPath : redactedUrl(config.databaseUrl),
	};
}
