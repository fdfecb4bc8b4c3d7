// `npm test`: every check, in the order that fails fastest. Each step runs on the pinned Node
// (npm puts node_modules/.bin first on PATH).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const steps = [
	["lint", "npm", ["run", "lint"]],
	["types (astro check)", "npx", ["astro", "check"]],
	["unit tests (vitest)", "npx", ["vitest", "run"]],
	["build (with link validation)", "npx", ["astro", "build"]],
	["browser tests (playwright)", "npx", ["playwright", "test"]],
];

const only = process.argv.slice(2);
const cluster = startPostgres();
for (const [name, command, args] of steps) {
	if (only.length && !only.some((o) => name.startsWith(o))) continue;
	console.log(`\n== ${name}`);
	if (command === "npx" && args[0] === "playwright") freshTestDatabase();
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: "inherit" });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`\n== ${name} failed after ${seconds}s`);
		cluster?.stop();
		process.exit(result.status ?? 1);
	}
	console.log(`== ${name} passed in ${seconds}s`);
}
cluster?.stop();

/**
 * The score store's contract tests run against SQLite always and against PostgreSQL when
 * TEST_DATABASE_URL names a server. Without one, and with PostgreSQL 15's programs installed (CI
 * installs them), a throw-away cluster is started for this run (scripts/test-postgres.sh).
 */
function startPostgres() {
	if (process.env.TEST_DATABASE_URL) {
		console.log(`== PostgreSQL for the store tests: TEST_DATABASE_URL`);
		return undefined;
	}
	if (!existsSync(`${process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin"}/pg_ctl`)) {
		console.log(
			"== PostgreSQL 15 is not installed: the store tests run against SQLite only (CI runs both)",
		);
		return undefined;
	}
	const dir = join(tmpdir(), `staging-trainer-test-pg-${process.pid}`);
	// Its own progress goes to stderr: on failure, the reason shows.
	const url = execFileSync("bash", ["scripts/test-postgres.sh", "start", dir], {
		encoding: "utf8",
		stdio: ["ignore", "pipe", "pipe"],
	}).trim();
	process.env.TEST_DATABASE_URL = url;
	console.log(`== PostgreSQL for the store tests: a throw-away cluster at ${url}`);
	const stop = () =>
		spawnSync("bash", ["scripts/test-postgres.sh", "stop", dir], { stdio: "ignore" });
	process.once("SIGINT", () => {
		stop();
		process.exit(130);
	});
	return { stop };
}

/**
 * The browser tests' server keeps its scores in the temp folder (tests/e2e/trainer/server-env.ts).
 * Each run adds attempts under new cohort names; left to grow over many runs, the trainer pages
 * that list every cohort got slow enough to time tests out. Each run starts from an empty file,
 * as CI does.
 */
function freshTestDatabase() {
	const db = join(tmpdir(), `staging-trainer-e2e-${process.env.E2E_PORT ?? 4391}.db`);
	for (const file of [db, `${db}-wal`, `${db}-shm`]) rmSync(file, { force: true });
}
