import type { Attempt } from "../../../src/simulator/attempt/schema.ts";
import { getScenario, solve } from "../../../src/simulator/scenarios/index.ts";
import type { ServerConfig } from "../../../src/server/config.ts";
import { createServerContext, type ServerContext } from "../../../src/server/context.ts";

export const password = "correct horse battery staple";

/** A reference attempt (scores 100 without hints) with fields overridden. */
export function attempt(overrides: Partial<Attempt> = {}): Attempt {
	const scenarioId = overrides.scenario?.id ?? "first-handover";
	const seed = overrides.scenario?.seed ?? 3;
	const events = overrides.events ?? solve(getScenario(scenarioId)!, seed);
	return {
		id: "attempt-1",
		scenario: { id: scenarioId, seed },
		locale: "de",
		mode: "assessment",
		startedAt: events[0]?.at ?? "2026-01-05T08:00:00.000Z",
		finishedAt: events.at(-1)?.at ?? "2026-01-05T08:00:00.000Z",
		appVersion: "0.1.0",
		trainee: { name: "Jana Beispiel", cohort: "2026-01" },
		hintsUsed: 0,
		events,
		claimedScore: 100,
		...overrides,
	};
}

export function config(overrides: Partial<ServerConfig> = {}): ServerConfig {
	return {
		dbPath: ":memory:",
		sync: "normal",
		trainerPassword: password,
		submitPerMinute: 10_000,
		loginPerMinute: 10_000,
		loginGlobalPerMinute: 10_000,
		sessionHours: 8,
		trustProxy: false,
		trustedProxies: [],
		siteUrl: null,
		requestTimeoutSeconds: 30,
		maxConnections: 512,
		...overrides,
	};
}

export function context(
	overrides: Partial<ServerConfig> = {},
	options: Parameters<typeof createServerContext>[1] = {},
): Promise<ServerContext> {
	return createServerContext(config(overrides), { announce: () => {}, ...options });
}

export const meta = { clientAddress: "192.0.2.1" };

export function post(body: string, headers: Record<string, string> = {}): Request {
	return new Request("http://127.0.0.1/api/attempts", {
		method: "POST",
		headers: { "Content-Type": "application/json", ...headers },
		body,
	});
}
