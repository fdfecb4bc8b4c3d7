import { randomBytes } from "node:crypto";
import { onTestFinished } from "vitest";
import type { Attempt } from "../../../src/simulator/attempt/schema.ts";
import type { Database } from "../../../src/server/database/database.ts";
import { openConfiguredDatabase } from "../../../src/server/database/open.ts";
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
		databaseUrl: null,
		dbPath: ":memory:",
		sync: "normal",
		trainerPassword: password,
		trainerEmail: "admin",
		oidc: null,
		submitPerMinute: 10_000,
		loginPerMinute: 10_000,
		loginGlobalPerMinute: 10_000,
		signInHours: 8,
		abandonedAfterHours: 24,
		lmsRuntimeDir: "dist/lms-runtime",
		certificateIssuer: "Beispiel Partner GmbH",
		verifyPerMinute: 10_000,
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

/**
 * A score store the contract tests run against: SQLite always, PostgreSQL when TEST_DATABASE_URL
 * names a server (`.ci/run` starts one). Each test gets an empty store: SQLite in memory, or a
 * schema of its own on the PostgreSQL server, dropped when the test ends.
 */
export interface StoreUnderTest {
	readonly name: "SQLite" | "PostgreSQL";
	/** Settings that put a server's context on a new, empty store. */
	settings(): Promise<Partial<ServerConfig>>;
	/**
	 * Two server instances on one new store, as behind a load balancer: two contexts on one
	 * PostgreSQL schema. SQLite serves one machine, so there both are the same context (requests at
	 * the same moment to one server), closed when the test ends.
	 */
	instances(
		overrides?: Partial<ServerConfig>,
		options?: Parameters<typeof createServerContext>[1],
	): Promise<[ServerContext, ServerContext]>;
	/** A server context on a new, empty store, closed when the test ends. */
	context(
		overrides?: Partial<ServerConfig>,
		options?: Parameters<typeof createServerContext>[1],
	): Promise<ServerContext>;
	/** The store's database alone, closed when the test ends. */
	database(): Promise<Database>;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

/**
 * A new, empty schema on the test server (TEST_DATABASE_URL), as the URL whose connections use it;
 * dropped when the test ends.
 */
export async function postgresSchemaUrl(): Promise<string> {
	const pg = (await import("pg")).default;
	const schema = `test_${randomBytes(6).toString("hex")}`;
	const admin = new pg.Client({ connectionString: testDatabaseUrl });
	await admin.connect();
	await admin.query(`CREATE SCHEMA ${schema}`);
	await admin.end();
	onTestFinished(async () => {
		const cleanup = new pg.Client({ connectionString: testDatabaseUrl });
		await cleanup.connect();
		await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
		await cleanup.end();
	});
	const url = new URL(testDatabaseUrl as string);
	url.searchParams.set("options", `-c search_path=${schema}`);
	return url.toString();
}

function storeUnderTest(name: StoreUnderTest["name"]): StoreUnderTest {
	const settings = async (): Promise<Partial<ServerConfig>> =>
		name === "PostgreSQL" ? { databaseUrl: await postgresSchemaUrl() } : {};
	const open = async (
		store: Partial<ServerConfig>,
		overrides: Partial<ServerConfig>,
		options: Parameters<typeof createServerContext>[1],
	) => {
		const ctx = await context({ ...store, ...overrides }, options);
		onTestFinished(() => ctx.close());
		return ctx;
	};
	return {
		name,
		settings,
		async context(overrides = {}, options = {}) {
			return open(await settings(), overrides, options);
		},
		async instances(overrides = {}, options = {}) {
			const store = await settings();
			const a = await open(store, overrides, options);
			return [a, name === "PostgreSQL" ? await open(store, overrides, options) : a];
		},
		async database() {
			const opened = await openConfiguredDatabase(config(await settings()));
			onTestFinished(() => opened.database.close());
			return opened.database;
		},
	};
}

export const stores: readonly StoreUnderTest[] = [
	storeUnderTest("SQLite"),
	...(testDatabaseUrl === undefined ? [] : [storeUnderTest("PostgreSQL")]),
];

export const meta = { clientAddress: "192.0.2.1" };

export function post(body: string, headers: Record<string, string> = {}): Request {
	return new Request("http://127.0.0.1/api/attempts", {
		method: "POST",
		headers: { "Content-Type": "application/json", ...headers },
		body,
	});
}
