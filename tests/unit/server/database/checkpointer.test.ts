import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DatabaseSync } from "node:sqlite";
import { startCheckpointer } from "../../../../src/server/database/checkpointer.ts";
import { openDatabase } from "../../../../src/server/database/sqlite-schema.ts";

function withDatabase(run: (path: string) => Promise<void>): () => Promise<void> {
	return async () => {
		const dir = mkdtempSync(join(tmpdir(), "checkpoint-"));
		try {
			await run(join(dir, "scores.db"));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

const size = (file: string) => {
	try {
		return statSync(file).size;
	} catch {
		return 0;
	}
};

test(
	"a background thread copies the write-ahead log into the database file",
	withDatabase(async (path) => {
		const db = openDatabase(path);
		const checkpointer = startCheckpointer(db, path, { pollMs: 20 });
		expect(db.prepare("PRAGMA wal_autocheckpoint").get()).toEqual({ wal_autocheckpoint: 0 });
		const before = statSync(path).size;
		const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
		for (let i = 0; i < 300; i++) insert.run(`k${i}`, "x".repeat(2000));
		// Written to the WAL only, until the worker's next round copies it over.
		const deadline = Date.now() + 5000;
		while (statSync(path).size <= before + 300 * 2000 && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 20));
		}
		expect(statSync(path).size).toBeGreaterThan(before + 300 * 2000);
		await checkpointer.stop();
		db.close();
	}),
);

test(
	"under sustained writes the write-ahead log stays bounded",
	withDatabase(async (path) => {
		const db = openDatabase(path);
		const limit = 2 * 1024 * 1024;
		const checkpointer = startCheckpointer(db, path, { pollMs: 10, truncateAboveBytes: limit });
		await checkpointer.ready;
		const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
		let largest = 0;
		// 60 MB in small transactions, never pausing long enough for passive rounds to catch up,
		// except while the checkpointer asks writers to hold (as the batched writer does).
		for (let i = 0; i < 600; i++) {
			while (checkpointer.holdWrites()) await new Promise((r) => setTimeout(r, 1));
			db.exec("BEGIN IMMEDIATE");
			for (let j = 0; j < 10; j++) insert.run(`k${i}-${j}`, "x".repeat(10_000));
			db.exec("COMMIT");
			largest = Math.max(largest, size(`${path}-wal`));
			await new Promise((r) => setTimeout(r, 1));
		}
		await checkpointer.stop();
		// Without the truncating rounds it reaches 60 MB; with them, a few rounds' growth at most.
		expect(largest).toBeLessThan(10 * limit);
		expect(size(`${path}-wal`)).toBeLessThan(limit);
		expect(db.prepare("SELECT count(*) AS n FROM settings").get()).toEqual({ n: 6000 });
		db.close();
	}),
);

test(
	"a reader that keeps the log (a backup, a sqlite3 shell) does not hold writers up",
	withDatabase(async (path) => {
		const db = openDatabase(path);
		const checkpointer = startCheckpointer(db, path, {
			pollMs: 10,
			truncateAboveBytes: 1024 * 1024,
			busyMs: 50,
			backoffMs: 300,
		});
		await checkpointer.ready;
		const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
		for (let i = 0; i < 20; i++) insert.run(`before-${i}`, "x".repeat(100_000));
		// Another connection reads and keeps its snapshot: no checkpoint can empty the log.
		const reader = new DatabaseSync(path);
		reader.exec("BEGIN");
		reader.prepare("SELECT count(*) FROM settings").get();
		let held = 0;
		const started = Date.now();
		while (Date.now() - started < 1_000) {
			if (checkpointer.holdWrites()) held++;
			await new Promise((r) => setTimeout(r, 1));
		}
		// Up for one short try per backoff period at most, never for the whole second.
		expect(held).toBeLessThan(400);
		reader.exec("COMMIT");
		reader.close();
		await checkpointer.stop();
		db.close();
	}),
);
