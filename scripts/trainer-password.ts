// `npm run trainer:password`: replaces the stored trainer password with a new generated one, prints
// it once, ends every trainer session and starts the sign-in limits afresh. For a server that runs
// without TRAINER_PASSWORD, when the printed password is lost. `-- --clear-limits` only starts the
// sign-in limits afresh (also with TRAINER_PASSWORD), for trainers kept waiting by someone guessing.
// Uses the same SCORES_DB or DATABASE_URL as the server; running instances see the change at once.
import { TrainerAuth } from "../src/server/access/trainer-auth.ts";
import { ConfigError, readConfig, redactedUrl, type ServerConfig } from "../src/server/config.ts";
import { DatabaseUnavailableError, openConfiguredDatabase } from "../src/server/database/open.ts";

const args = process.argv.slice(2);
const clearOnly = args.length === 1 && args[0] === "--clear-limits";
if (args.length > 0 && !clearOnly) {
	console.error(
		`unknown argument ${JSON.stringify(args[0])}; usage: npm run trainer:password [-- --clear-limits]`,
	);
	process.exit(2);
}
let config: ServerConfig;
try {
	config = readConfig();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(`${error.message}\n  Hint: ${error.hint}`);
	process.exit(2);
}
if (config.trainerPassword !== undefined && !clearOnly) {
	console.error(
		"TRAINER_PASSWORD is set: the server uses it, so there is nothing to replace. (`-- --clear-limits` starts the sign-in limits afresh.)",
	);
	process.exit(1);
}
let opened;
try {
	opened = await openConfiguredDatabase(config);
} catch (error) {
	if (!(error instanceof DatabaseUnavailableError)) throw error;
	console.error(`${error.message}\n  Hint: ${error.hint}`);
	process.exit(1);
}
const where = config.databaseUrl === null ? config.dbPath : redactedUrl(config.databaseUrl);
if (clearOnly) {
	await TrainerAuth.clearSignInLimits(opened.database);
	await opened.database.close();
	console.log(`Sign-in limits cleared for ${where}.`);
} else {
	const password = await TrainerAuth.resetPassword(opened.database);
	await opened.database.close();
	console.log(`New trainer password for ${where} (shown only now):\n\n    ${password}\n`);
}
