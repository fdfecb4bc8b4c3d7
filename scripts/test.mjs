// `npm test`: every check, in the order that fails fastest. Each step runs on the pinned Node
// (npm puts node_modules/.bin first on PATH).
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
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
for (const [name, command, args] of steps) {
	if (only.length && !only.some((o) => name.startsWith(o))) continue;
	console.log(`\n== ${name}`);
	if (command === "npx" && args[0] === "playwright") freshTestDatabase();
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: "inherit" });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`\n== ${name} failed after ${seconds}s`);
		process.exit(result.status ?? 1);
	}
	console.log(`== ${name} passed in ${seconds}s`);
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
