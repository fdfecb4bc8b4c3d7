import "../src/simulator/zod-messages.ts";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/**
 * Shared bits of the command-line tools: one-line errors without stack traces, paths relative to
 * where `npm run` was started (npm itself runs scripts from the package root), and the app version.
 */

export class UsageError extends Error {}

/** Prints one line to stderr and exits; exit code 2 means bad input. */
export function fail(message: string, code = 2): never {
	process.stderr.write(`${message.replace(/\s+/g, " ").trim()}\n`);
	process.exit(code);
}

export function userPath(path: string): string {
	return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

export function appVersion(): string {
	const manifest = JSON.parse(
		readFileSync(new URL("../package.json", import.meta.url), "utf8"),
	) as {
		version?: string;
	};
	return manifest.version ?? "0.0.0";
}

export function printJson(value: unknown): void {
	process.stdout.write(`${JSON.stringify(value, null, "\t")}\n`);
}

/** Runs a command's main function, turning any error into one line and an exit code. */
export function main(run: (args: string[]) => void | Promise<void>): void {
	const failed = (error: unknown) => {
		const message = error instanceof Error ? error.message : String(error);
		fail(
			error instanceof UsageError ? message : `internal error: ${message}`,
			error instanceof UsageError ? 2 : 1,
		);
	};
	try {
		const done = run(process.argv.slice(2));
		if (done) done.catch(failed);
	} catch (error) {
		failed(error);
	}
}
