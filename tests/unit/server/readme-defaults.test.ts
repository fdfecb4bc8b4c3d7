import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { readConfig, type ServerConfig } from "../../../src/server/config.ts";

/**
 * The README's table of settings states each number's default; the defaults are decided in
 * config.ts. Every numeric default in the table is read back from `readConfig` here.
 */
const keys: Record<string, keyof ServerConfig> = {
	TRAINER_SESSION_HOURS: "signInHours",
	ABANDONED_AFTER_HOURS: "abandonedAfterHours",
	RATE_LIMIT_PER_MINUTE: "submitPerMinute",
	LOGIN_RATE_LIMIT_PER_MINUTE: "loginPerMinute",
	LOGIN_GLOBAL_RATE_LIMIT_PER_MINUTE: "loginGlobalPerMinute",
	VERIFY_RATE_LIMIT_PER_MINUTE: "verifyPerMinute",
	REQUEST_TIMEOUT_SECONDS: "requestTimeoutSeconds",
	MAX_CONNECTIONS: "maxConnections",
};

test("every number the README's settings table states as a default is the code's", () => {
	const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
	const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| `(\d+)` \|/gm)];
	expect(rows.length).toBeGreaterThanOrEqual(Object.keys(keys).length);
	const defaults = readConfig({});
	for (const [, name, value] of rows) {
		const key = keys[name as string];
		expect(key, `${name}: which setting of config.ts?`).toBeDefined();
		expect(defaults[key as keyof ServerConfig], name).toBe(Number(value));
	}
	expect(defaults.certificateIssuer).toBe(
		/^\| `CERTIFICATE_ISSUER` \| `([^`]+)` \|/m.exec(readme)?.[1],
	);
});
