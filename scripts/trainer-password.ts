// `npm run trainer:password`: replaces the stored trainer password with a new generated one, prints
// it once and ends every trainer session. For a server that runs without TRAINER_PASSWORD, when the
// printed password is lost. Uses the same SCORES_DB or DATABASE_URL as the server.
import { TrainerAuth } from "../src/server/auth.ts";
import { ConfigError, readConfig, redactedUrl, type ServerConfig } from "../src/server/config.ts";
import { DatabaseUnavailableError, openConfiguredDatabase } from "../src/server/database/open.ts";

let config: ServerConfig;
try {
	config = readConfig();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(error.message);
	process.exit(2);
}
if (config.trainerPassword !== undefined) {
	console.error("TRAINER_PASSWORD is set: the server uses it, so there is nothing to replace.");
	process.exit(1);
}
let opened;
try {
	opened = await openConfiguredDatabase(config);
} catch (error) {
	if (!(error instanceof DatabaseUnavailableError)) throw error;
	console.error(error.message);
	process.exit(1);
}
const password = await TrainerAuth.resetPassword(opened.database);
await opened.database.close();
const where = config.databaseUrl === null ? config.dbPath : redactedUrl(config.databaseUrl);
console.log(`New trainer password for ${where} (shown only now):\n\n    ${password}\n`);
