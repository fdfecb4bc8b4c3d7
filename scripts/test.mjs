// `npm test`: every check, in the order that fails fastest. Each step runs on the pinned Node
// (npm puts node_modules/.bin first on PATH).
import { spawnSync } from "node:child_process";

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
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: "inherit" });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`\n== ${name} failed after ${seconds}s`);
		process.exit(result.status ?? 1);
	}
	console.log(`== ${name} passed in ${seconds}s`);
}
