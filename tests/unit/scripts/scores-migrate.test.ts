import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { AttemptStore, type NewAttempt } from "../../../src/server/attempts/store.ts";
import { AccountStore } from "../../../src/server/access/accounts.ts";
import { AuditLog } from "../../../src/server/access/audit.ts";
import { TrainerAuth } from "../../../src/server/access/trainer-auth.ts";
import { CohortStore } from "../../../src/server/cohorts/store.ts";
import { storeTables } from "../../../src/server/database/copy-store.ts";
import type { Database } from "../../../src/server/database/database.ts";
import { openConfiguredDatabase } from "../../../src/server/database/open.ts";
import { gradeAttempt } from "../../../src/simulator/attempt/index.ts";
import type { Attempt } from "../../../src/simulator/attempt/schema.ts";
import type { GradeResult } from "../../../src/simulator/grading/index.ts";
import { getScenario, solve } from "../../../src/simulator/scenarios/index.ts";
import { createSignInLimits } from "../../../src/server/access/sign-in-limits.ts";
import { postgresSchemaUrl, testDatabaseUrl } from "../server/support.ts";

/**
 * `npm run scores:migrate`: a SQLite store of 10,000 attempts (and a cohort with issued attempts)
 * moved into an empty store, SQLite always and PostgreSQL when TEST_DATABASE_URL names a server.
 */

const repo = new URL("../../../", import.meta.url).pathname;
const tsx = join(repo, "node_modules/tsx/dist/cli.mjs");
const dir = mkdtempSync(join(tmpdir(), "staging-trainer-migrate-"));
const sourcePath = join(dir, "scores.db");
const total = 10_000;

function migrate(...args: string[]) {
	const result = spawnSync(process.execPath, [tsx, "scripts/scores-migrate.ts", ...args], {
		cwd: repo,
		encoding: "utf8",
		env: { ...process.env, INIT_CWD: dir },
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function open(address: string): Promise<Database> {
	const opened = await openConfiguredDatabase(
		address.startsWith("sqlite:")
			? { databaseUrl: null, dbPath: address.slice(7), sync: "normal" }
			: { databaseUrl: address, dbPath: "", sync: "normal" },
	);
	return opened.database;
}

interface Stored {
	id: string;
	score: number;
	passed: number;
	cohort_id: string | null;
	trust: string;
	attempt: string;
	grade: string;
}

/** Every row of every table, in an order of their own (collations may order keys differently). */
async function everyRow(db: Database): Promise<Record<string, string[]>> {
	const tables: Record<string, string[]> = {};
	for (const { name } of storeTables) {
		const rows = await db.all(`SELECT * FROM ${name}`);
		tables[name] = rows
			.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort())))
			.sort();
	}
	return tables;
}

async function everyAttempt(db: Database): Promise<Stored[]> {
	return db.all<Stored>(
		`SELECT a.id, a.score, a.passed, a.cohort_id, a.trust, b.attempt, b.grade
			FROM attempts a JOIN attempt_bodies b ON b.id = a.id ORDER BY a.id`,
	);
}

let cohortId = "";
let trainerPassword = "";

beforeAll(async () => {
	const db = await open(`sqlite:${sourcePath}`);
	const cohorts = new CohortStore(db);
	const attempts = new AttemptStore(db, (record, tx) => cohorts.recordAttempt(record, tx));
	const now = new Date("2026-11-02T09:00:00Z");
	const cohort = await cohorts.create(
		{
			name: "Umzug",
			code: "",
			scenarios: ["first-handover"],
			practice: false,
			sameSeed: true,
			opensOn: "2026-11-01",
			closesOn: "2026-12-31",
			attemptLimit: null,
			collectPractice: false,
			certificate: false,
		},
		now,
		null,
	);
	if (cohort === "taken") throw new Error("taken");
	cohortId = cohort.id;
	// A few logs of different lengths and hints, under new ids: 10,000 gradings would only time
	// the grader. Each record keeps the grade of its own log.
	const events = solve(getScenario("first-handover")!, cohort.seed);
	const variants = [0, 3, 7].flatMap((cut) =>
		[0, 2].map((hintsUsed) => ({ events: events.slice(0, events.length - cut), hintsUsed })),
	);
	const records: NewAttempt[] = [];
	for (let i = 0; i < total; i++) {
		const variant = variants[i % variants.length]!;
		const issued =
			i < 20
				? await cohorts.issue(cohort, `Trainee ${i}`, "first-handover", "assessment", now)
				: null;
		if (issued === "limit-reached") throw new Error("no limit was set");
		const attempt: Attempt = {
			id: issued?.issued.attemptId ?? `attempt-${String(i).padStart(5, "0")}`,
			scenario: { id: "first-handover", seed: cohort.seed },
			locale: i % 2 === 0 ? "de" : "en",
			mode: "assessment",
			startedAt: variant.events[0]!.at,
			finishedAt: variant.events.at(-1)!.at,
			appVersion: "0.1.0",
			trainee: { name: `Trainee ${i}`, cohort: issued ? cohort.code : `K${i % 7}` },
			hintsUsed: variant.hintsUsed,
			events: variant.events,
		};
		records.push({
			attempt,
			grade: gradeAttempt(attempt)!,
			digest: attempt.id,
			source: "submit",
			receivedAt: now.toISOString(),
			altered: null,
			...(issued
				? {
						issued: {
							cohortId: cohort.id,
							cohortName: cohort.name,
							startedAt: issued.issued.issuedAt,
						},
					}
				: {}),
		});
	}
	for (let i = 0; i < records.length; i += 1000) {
		await attempts.insertMany(records.slice(i, i + 1000));
	}
	// A generated trainer password, a session, a known browser and a sign-in limit, to move too.
	const auth = await TrainerAuth.create({
		db,
		accounts: new AccountStore(db),
		password: undefined,
		signInName: "admin",
		signInMs: 3_600_000,
		announce: (generated) => (trainerPassword = generated),
	});
	const signedIn = await auth.signIn("admin", trainerPassword);
	await new AuditLog(db).record({
		actor: { id: signedIn?.trainer.id ?? null, name: "admin" },
		action: "sign-in",
		targetType: "trainer",
		targetId: signedIn?.trainer.id ?? "",
		target: "admin",
		details: { method: "password" },
		address: "192.0.2.7",
	});
	await auth.trustDevice(null);
	const decision = await createSignInLimits(db, { perMinute: 10, globalPerMinute: 30 }).begin(
		"address:192.0.2.7",
		{ global: true },
	);
	if (decision.ok) await decision.ticket.failed();
	await db.close();
}, 120_000);

const targets = [
	{ name: "SQLite", address: async () => `sqlite:${join(dir, `copy-${Date.now()}.db`)}` },
	...(testDatabaseUrl ? [{ name: "PostgreSQL", address: postgresSchemaUrl }] : []),
];

describe.each(targets)("scores:migrate into $name", ({ address }) => {
	test(
		"moves 10,000 attempts with identical grades, the cohort's progress and the trainer's password",
		{ timeout: 180_000 },
		async () => {
			const to = await address();
			const run = migrate("--from", `sqlite:${sourcePath}`, "--to", to);
			expect(run.stderr.replace(/^ {2}\w+: \d+ rows\n/gm, "")).toBe("");
			expect(run.code).toBe(0);
			expect(run.stdout).toMatch(new RegExp(`^Moved ${total} attempts and 1 cohorts from sqlite:`));

			const source = await open(`sqlite:${sourcePath}`);
			const target = await open(to);
			try {
				const before = await everyAttempt(source);
				const after = await everyAttempt(target);
				expect(after).toHaveLength(total);
				expect(after).toEqual(before);
				// The stored grades are the grader's: re-grading the moved logs gives them back.
				for (const row of after.filter((_, i) => i % 97 === 0)) {
					const regraded = gradeAttempt(JSON.parse(row.attempt) as Attempt);
					expect(regraded).toEqual(JSON.parse(row.grade) as GradeResult);
				}
				// What trainers see is the same from either store.
				const [fromSource, fromTarget] = [new AttemptStore(source), new AttemptStore(target)];
				expect(await fromTarget.summary({})).toEqual(await fromSource.summary({}));
				expect(await fromTarget.cohorts()).toEqual(await fromSource.cohorts());
				const page = { filter: {}, sort: "trainee", dir: "asc", page: 3, pageSize: 50 } as const;
				expect(await fromTarget.list(page)).toEqual(await fromSource.list(page));
				const cohort = (await new CohortStore(source).get(cohortId))!;
				const now = new Date();
				expect(await new CohortStore(target).insight(cohort, now, 24)).toEqual(
					await new CohortStore(source).insight(cohort, now, 24),
				);
				// Every table, row for row: the accounts, sessions, browsers, limits and audit trail too.
				const rows = await everyRow(source);
				expect(rows.trainers).toHaveLength(1);
				for (const table of ["sessions", "trusted_devices", "login_limits", "audit_entries"]) {
					expect(rows[table]?.length, table).toBeGreaterThan(0);
				}
				expect(await everyRow(target)).toEqual(rows);
				// And back, into a new SQLite file: the same rows again.
				const back = `sqlite:${join(dir, `back-${Date.now()}.db`)}`;
				const returned = migrate("--from", to, "--to", back);
				expect(returned.code, returned.stderr).toBe(0);
				const roundTrip = await open(back);
				try {
					expect(await everyRow(roundTrip)).toEqual(rows);
				} finally {
					await roundTrip.close();
				}
				// The trainers' password is the source's.
				const moved = await TrainerAuth.create({
					db: target,
					accounts: new AccountStore(target),
					password: undefined,
					signInName: "admin",
					signInMs: 60_000,
					announce: () => {
						throw new Error("a password was generated on the target");
					},
				});
				expect(await moved.signIn("admin", trainerPassword)).not.toBeNull();

				// Into a store that holds attempts already: refused, nothing mixed.
				const again = migrate("--from", `sqlite:${sourcePath}`, "--to", to);
				expect(again.code).toBe(2);
				expect(again.stderr).toMatch(/already holds data \(rows in cohorts: 1, .*attempts: 10000/);
				expect(await everyAttempt(target)).toHaveLength(total);
			} finally {
				await source.close();
				await target.close();
			}
		},
	);
});

test("bad input is one line and exit 2", () => {
	for (const [args, says] of [
		[[], /--from is required/],
		[
			["--from", "mysql://x", "--to", "sqlite:x.db"],
			/--from must be sqlite:<file> or a postgres:\/\/ URL/,
		],
		[["--from", "sqlite:missing.db", "--to", "sqlite:x.db"], /no score database at .*missing\.db/],
		[["--from", `sqlite:${sourcePath}`, "--to", `sqlite:${sourcePath}`], /the same store/],
		[
			["--from", `sqlite:${sourcePath}`, "--to", "postgres://u:secret-pw@127.0.0.1:1/x"],
			/cannot use the PostgreSQL database postgres:\/\/u:\*\*\*@/,
		],
		[["--copy"], /unknown argument "--copy"/],
	] as const) {
		const run = migrate(...args);
		expect(run.code, run.stderr).toBe(2);
		expect(run.stderr).toMatch(says);
		expect(run.stderr).not.toContain("secret-pw");
		expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
	}
});
