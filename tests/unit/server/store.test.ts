import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { gradeAttempt } from "../../../src/simulator/attempt/index.ts";
import type { Attempt } from "../../../src/simulator/attempt/schema.ts";
import { AttemptStore, type NewAttempt } from "../../../src/server/attempts/store.ts";
import { DatabaseSync } from "node:sqlite";
import {
	migrations,
	openDatabase,
	schemaVersion,
} from "../../../src/server/database/sqlite-schema.ts";
import { SqliteDatabase } from "../../../src/server/database/sqlite.ts";
import { parseListQuery } from "../../../src/server/attempts/filter.ts";
import { digestOf } from "../../../src/server/attempts/regrade.ts";
import { attempt, stores } from "./support.ts";

function record(a: Attempt, altered: NewAttempt["altered"] = null): NewAttempt {
	return {
		attempt: a,
		grade: gradeAttempt(a)!,
		digest: digestOf(a),
		source: "submit",
		receivedAt: "2026-02-01T10:00:00.000Z",
		altered,
	};
}

function query(search: string) {
	const parsed = parseListQuery(new URLSearchParams(search));
	expect(parsed.problems).toEqual([]);
	return parsed.query;
}

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.each(stores)("attempt store ($name)", (under) => {
	const newStore = async () => new AttemptStore(await under.database());
	test("stores an attempt once: the same again is a duplicate, other content a conflict", async () => {
		const store = await newStore();
		const a = attempt();
		expect(await store.insert(record(a))).toBe("inserted");
		expect(await store.insert(record(a))).toBe("duplicate");
		expect(await store.insert(record({ ...a, hintsUsed: 2 }))).toBe("conflict");
		expect(await store.count()).toBe(1);
		const stored = (await store.get(a.id))!;
		expect(stored.attempt).toEqual(a);
		expect(stored).toMatchObject({ score: 100, passed: true, trainee: "Jana Beispiel" });
	});

	test("lists an attempt under the cohort its trainee typed, else its package's join code", async () => {
		const store = await newStore();
		const base = attempt();
		await store.insert(
			record({ ...base, id: "typed", trainee: { name: "A", cohort: "Lager", joinCode: "LW-AB" } }),
		);
		await store.insert(
			record({ ...base, id: "code", trainee: { name: "B", cohort: "", joinCode: "LW-AB" } }),
		);
		await store.insert(record({ ...base, id: "none", trainee: { name: "C", cohort: "" } }));
		expect((await store.get("typed"))?.cohort).toBe("Lager");
		expect((await store.get("code"))?.cohort).toBe("LW-AB");
		expect((await store.get("none"))?.cohort).toBe("");
	});

	test("filters by cohort, name part in any case, scenario, mode, result and dates", async () => {
		const store = await newStore();
		const base = attempt();
		const rows: Attempt[] = [
			{ ...base, id: "a", trainee: { name: "Jürgen Öztürk", cohort: "A" } },
			{ ...base, id: "b", trainee: { name: "Ada", cohort: "B" }, events: [] },
			{
				...attempt({ scenario: { id: "bottling-line", seed: 1 } }),
				id: "c",
				mode: "practice",
				trainee: { name: "Bea", cohort: "A" },
			},
		];
		for (const r of rows) await store.insert(record(r));
		const ids = async (search: string) =>
			(await store.list(query(search))).items.map((i) => i.id).sort();
		expect(await ids("cohort=A")).toEqual(["a", "c"]);
		expect(await ids("trainee=ÖZT")).toEqual(["a"]);
		expect(await ids("scenario=bottling-line")).toEqual(["c"]);
		expect(await ids("mode=practice")).toEqual(["c"]);
		expect(await ids("passed=false")).toEqual(["b"]);
		expect(await ids("passed=true&cohort=A")).toEqual(["a", "c"]);
		// The reference logs run on 2026-01-05.
		expect(await ids("from=2026-01-05&to=2026-01-05")).toEqual(["a", "b", "c"]);
		expect(await ids("from=2026-01-06")).toEqual([]);
		expect(await ids("to=2026-01-04")).toEqual([]);
	});

	test("sorts both ways with stable paging", async () => {
		const store = await newStore();
		for (let i = 0; i < 7; i++) {
			await store.insert(record({ ...attempt(), id: `p${i}`, hintsUsed: i }));
		}
		const page = (search: string) => store.list(query(search));
		expect((await page("sort=hints&dir=asc&pageSize=3")).items.map((i) => i.id)).toEqual([
			"p0",
			"p1",
			"p2",
		]);
		expect((await page("sort=hints&dir=asc&pageSize=3&page=3")).items.map((i) => i.id)).toEqual([
			"p6",
		]);
		expect((await page("sort=score&dir=desc&pageSize=2")).items.map((i) => i.hintsUsed)).toEqual([
			0, 1,
		]);
		expect((await page("pageSize=3")).total).toBe(7);
	});

	test("the summary leaves altered attempts out and ranks findings by attempts", async () => {
		const store = await newStore();
		const base = attempt();
		await store.insert(record({ ...base, id: "ok" }));
		await store.insert(record({ ...base, id: "hints", hintsUsed: 3 }));
		await store.insert(record({ ...base, id: "empty", events: [] }));
		await store.insert(
			record({ ...base, id: "forged", events: [] }, { reason: "score-differs", detail: "x" }),
		);
		const summary = await store.summary({});
		expect(summary).toMatchObject({ attempts: 4, counted: 3, altered: 1, passed: 2 });
		expect(summary.passRate).toBeCloseTo(2 / 3);
		const empty = (await store.get("empty"))!.score;
		expect(summary.averageScore).toBeCloseTo((100 + 94 + empty) / 3);
		expect(summary.findings[0]).toEqual({ rule: expect.any(String), attempts: 1 });
		expect(summary.findings.map((f) => f.rule)).toContain("hints-used");
		expect(await store.cohorts()).toMatchObject([{ cohort: "2026-01", attempts: 4, counted: 3 }]);
	});
});

describe("attempt store in SQLite", () => {
	test("a score file survives closing and reopening, with its schema version", async () => {
		const dir = mkdtempSync(join(tmpdir(), "scores-"));
		dirs.push(dir);
		const path = join(dir, "nested", "scores.db");
		const db = openDatabase(path);
		await new AttemptStore(new SqliteDatabase(db)).insert(record(attempt()));
		db.close();
		const again = openDatabase(path);
		expect(await new AttemptStore(new SqliteDatabase(again)).count()).toBe(1);
		expect(again.prepare("PRAGMA user_version").get()).toEqual({ user_version: schemaVersion });
		expect(again.prepare("PRAGMA journal_mode").get()).toEqual({ journal_mode: "wal" });
		expect(again.prepare("PRAGMA synchronous").get()).toEqual({ synchronous: 1 });
		again.close();
		const full = openDatabase(path, "full");
		expect(full.prepare("PRAGMA synchronous").get()).toEqual({ synchronous: 2 });
		full.close();
	});

	test("a version 1 score file migrates with its attempts intact", async () => {
		const dir = mkdtempSync(join(tmpdir(), "scores-"));
		dirs.push(dir);
		const path = join(dir, "scores.db");
		const a = attempt();
		const grade = gradeAttempt(a)!;
		const old = new DatabaseSync(path);
		old.exec(migrations[0]!);
		old.exec("PRAGMA user_version = 1");
		old
			.prepare(
				`INSERT INTO attempts (id, digest, source, received_at, taken_at, started_at, finished_at,
				duration_ms, cohort, trainee, trainee_search, scenario_id, seed, start_step, mode, locale,
				app_version, score, passed, hints_used, event_count, refusals, claimed_score, altered,
				altered_reason, altered_detail, attempt, grade)
			VALUES (?, 'd', 'submit', ?, ?, ?, ?, 0, 'K', 'Jana', 'jana', ?, 3, NULL, 'assessment', 'de',
				'0.1.0', ?, 1, 0, 5, 0, NULL, 0, NULL, NULL, ?, ?)`,
			)
			.run(
				a.id,
				a.startedAt,
				a.finishedAt!,
				a.startedAt,
				a.finishedAt!,
				a.scenario.id,
				grade.score,
				JSON.stringify(a),
				JSON.stringify(grade),
			);
		old.close();
		const store = new AttemptStore(new SqliteDatabase(openDatabase(path)));
		expect(await store.get(a.id)).toMatchObject({
			attempt: a,
			grade,
			cohort: "K",
			score: 100,
			trust: "self-reported",
			cohortId: null,
			flags: [],
		});
		expect((await store.list(query("sort=trainee"))).items.map((i) => i.id)).toEqual([a.id]);
	});
});

describe.each(stores)("the store's database ($name)", (under) => {
	test("transactions started together run one after the other, each whole", async () => {
		const db = await under.database();
		await db.run("INSERT INTO settings (key, value) VALUES ('counter', '0')");
		// Each reads, yields, then writes: interleaved, increments would be lost (or, in SQLite's
		// one connection, a second BEGIN would fail).
		const increment = () =>
			db.transaction(async (tx) => {
				const row = await tx.get<{ value: string }>(
					// PostgreSQL locks the row it reads; SQLite's write transactions run one at a time.
					`SELECT value FROM settings WHERE key = 'counter'${db.dialect === "postgres" ? " FOR UPDATE" : ""}`,
				);
				await new Promise((resolve) => setTimeout(resolve, 1));
				await tx.run("UPDATE settings SET value = ? WHERE key = 'counter'", [
					String(Number(row?.value) + 1),
				]);
			});
		await Promise.all(Array.from({ length: 20 }, increment));
		expect(await db.get("SELECT value FROM settings WHERE key = 'counter'")).toEqual({
			value: "20",
		});
	});

	test("a transaction that throws leaves nothing behind, and the next one runs", async () => {
		const db = await under.database();
		await expect(
			db.transaction(async (tx) => {
				await tx.run("INSERT INTO settings (key, value) VALUES ('half', 'done')");
				throw new Error("stop");
			}),
		).rejects.toThrow("stop");
		expect(await db.get("SELECT value FROM settings WHERE key = 'half'")).toBeUndefined();
		await db.transaction((tx) => tx.run("INSERT INTO settings (key, value) VALUES ('next', 'ok')"));
		expect(await db.get("SELECT value FROM settings WHERE key = 'next'")).toEqual({ value: "ok" });
	});
});
