import { describe, expect, test } from "vitest";
import { ConfigError, readConfig, startProblem } from "../../../src/server/config.ts";
import { DatabaseUnavailableError } from "../../../src/server/database/open.ts";

/** The ConfigError a setting causes, or a failure when there is none. */
function refused(env: Record<string, string>): ConfigError {
	try {
		readConfig(env);
	} catch (error) {
		if (error instanceof ConfigError) return error;
		throw error;
	}
	throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe("a setting that cannot work", () => {
	test.each([
		[{ TRAINER_PASSWORD: "short" }, "TRAINER_PASSWORD", /longer one/],
		[{ TRAINER_PASSWORD: "x".repeat(1001) }, "TRAINER_PASSWORD", /shorter one/],
		[{ SCORES_SYNC: "always" }, "SCORES_SYNC", /normal .* full/],
		[{ RATE_LIMIT_PER_MINUTE: "lots" }, "RATE_LIMIT_PER_MINUTE", /such as 60/],
		[{ MAX_CONNECTIONS: "2.5" }, "MAX_CONNECTIONS", /such as 512/],
		[{ TRUST_PROXY: "yes" }, "TRUST_PROXY", /TRUST_PROXY=1/],
		[{ SITE_URL: "training" }, "SITE_URL", /with its scheme/],
		[{ SITE_URL: "https://example.com/trainer/" }, "SITE_URL", /root of that address/],
		[{ DATABASE_URL: "mysql://u:secret@db/x" }, "DATABASE_URL", /postgres:\/\/user/],
	])("%j names the setting and what it got, and hints at the fix", (env, name, hint) => {
		const error = refused(env);
		expect(error.message).toMatch(new RegExp(`^${name} `));
		expect(error.message).toMatch(/got /);
		expect(error.hint).toMatch(hint);
		expect(error.message + error.hint).not.toContain("secret");
	});

	test("npm start prints the problem, then the hint on a line of its own", () => {
		expect(startProblem(refused({ SCORES_SYNC: "always" }))).toBe(
			'The server cannot start: SCORES_SYNC must be normal or full, got "always".\n' +
				"  Hint: Use normal (the default: an answered submission survives a crash of the server) or full (it also survives a power cut, at about 1 ms a commit).",
		);
		const unreachable = new DatabaseUnavailableError(
			"cannot use the PostgreSQL database x: ECONNREFUSED",
		);
		expect(startProblem(unreachable)).toMatch(/ECONNREFUSED\n {2}Hint: Check that the PostgreSQL/);
		expect(startProblem({ message: "something else" })).toBe(
			"The server cannot start: something else",
		);
	});
});
