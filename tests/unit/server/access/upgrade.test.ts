import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, onTestFinished, test } from "vitest";
import { hashPassword } from "../../../../src/server/access/password.ts";
import { postgresMigrations } from "../../../../src/server/database/postgres-schema.ts";
import { migrations } from "../../../../src/server/database/sqlite-schema.ts";
import { draftOfScenario } from "../../../../src/simulator/scenarios/draft.ts";
import { getScenario } from "../../../../src/simulator/scenarios/registry.ts";
import { postgresSchemaUrl, context, testDatabaseUrl } from "../support.ts";

/**
 * The update to trainer accounts, on a score database exactly as the release before left it (its
 * schema, the shared trainer password's hash, a sign-in, a cohort and its scenario): it opens,
 * the same password signs in as "admin", and nothing is lost.
 */

/** The statements the release before trainer accounts ran: every step but the accounts' one. */
const accountsStep = migrations.findIndex((m) => m.includes("CREATE TABLE trainers"));
const accountsStepPostgres = postgresMigrations.findIndex((m) =>
	m.includes("CREATE TABLE trainers"),
);

const draft = JSON.stringify(draftOfScenario(getScenario("first-handover")!));

const oldRows = async (sharedPassword: string) => [
	`INSERT INTO settings (key, value) VALUES ('trainer_password_hash', '${await hashPassword(sharedPassword)}')`,
	"INSERT INTO sessions (token_hash, expires_at) VALUES ('an-old-sign-in', 99999999999999)",
	`INSERT INTO cohorts (id, name, code, code_key, scenarios, practice, same_seed, seed, opens_on,
		closes_on, opens_at, closes_at, attempt_limit, collect_practice, closed_at, created_at,
		updated_at) VALUES ('c1', 'Köln', 'ABCD-EFGH', 'ABCDEFGH', '["first-handover"]', 1, 0, 1,
		'2026-01-01', '2026-02-01', 'x', 'y', NULL, 0, NULL, 'x', 'x')`,
	`INSERT INTO scenarios (id, draft, revision, published_version, published_revision, public,
		created_at, updated_at) VALUES ('own-1', '${draft.replaceAll("'", "''")}', 1, NULL, NULL, 0,
		'x', 'x')`,
];

async function afterUpdate(settings: Record<string, string>, shared: string) {
	const ctx = await context({ trainerPassword: undefined, ...settings });
	onTestFinished(() => ctx.close());
	const signedIn = await ctx.auth.signIn("admin", shared);
	expect(signedIn?.trainer).toMatchObject({ email: "admin", role: "admin", state: "active" });
	// The old sign-in is gone (it named no account); the cohort and scenario are the admin's now.
	expect(await ctx.db.all("SELECT * FROM sessions WHERE token_hash = 'an-old-sign-in'")).toEqual(
		[],
	);
	expect((await ctx.cohorts.get("c1"))?.ownerId).toBe(signedIn?.trainer.id);
	expect(await ctx.cohorts.visibleTo(signedIn!.trainer)).toHaveLength(1);
	expect((await ctx.scenarios.get("own-1"))?.ownerId).toBe(signedIn?.trainer.id);
}

describe("the update to trainer accounts", () => {
	test("SQLite: a database of the release before opens, and its password signs in as admin", async () => {
		expect(accountsStep).toBeGreaterThan(0);
		const path = join(mkdtempSync(join(tmpdir(), "upgrade-")), "scores.db");
		const old = new DatabaseSync(path);
		for (const step of migrations.slice(0, accountsStep)) old.exec(step);
		old.exec(`PRAGMA user_version = ${accountsStep}`);
		for (const row of await oldRows("the shared one!!")) old.exec(row);
		old.close();
		await afterUpdate({ dbPath: path } as never, "the shared one!!");
	});

	test.runIf(testDatabaseUrl !== undefined)(
		"PostgreSQL: a database of the release before opens, and its password signs in as admin",
		async () => {
			const url = await postgresSchemaUrl();
			const pg = (await import("pg")).default;
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			await client.query(
				"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
			);
			for (const [i, step] of postgresMigrations.slice(0, accountsStepPostgres).entries()) {
				await client.query(step);
				await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [i + 1]);
			}
			for (const row of await oldRows("the shared one!!")) await client.query(row);
			await client.end();
			await afterUpdate({ databaseUrl: url } as never, "the shared one!!");
		},
	);
});
