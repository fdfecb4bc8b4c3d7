// `npm run trainer:password`: replaces the stored trainer password with a new generated one, prints
// it once and ends every trainer session. For a server that runs without TRAINER_PASSWORD, when the
// printed password is lost. Uses the same SCORES_DB as the server.
import { TrainerAuth } from "../src/server/auth.ts";
import { ConfigError, readConfig, type ServerConfig } from "../src/server/config.ts";
import { openDatabase } from "../src/server/db.ts";

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
const db = openDatabase(config.dbPath, config.sync);
const password = await TrainerAuth.resetPassword(db);
db.close();
console.log(`New trainer password for ${config.dbPath} (shown only now):\n\n    ${password}\n`);
