import { tmpdir } from "node:os";
import { join } from "node:path";

/** The trainer password of every server the browser tests start. */
export const trainerPassword = "e2e-trainer-password";

/**
 * Environment for a test server: a score database of its own in the temp folder, a known trainer
 * password, and rate limits high enough for parallel tests (the 429 test starts its own server).
 */
export function testServerEnv(name: string): Record<string, string> {
	return {
		SCORES_DB: join(tmpdir(), `staging-trainer-${name}.db`),
		TRAINER_PASSWORD: trainerPassword,
		RATE_LIMIT_PER_MINUTE: "100000",
		LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
		LOGIN_GLOBAL_RATE_LIMIT_PER_MINUTE: "100000",
	};
}
