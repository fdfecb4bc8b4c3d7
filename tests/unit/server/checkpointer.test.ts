import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { startCheckpointer } from "../../../src/server/checkpointer.ts";
import { openDatabase } from "../../../src/server/db.ts";

test("a background thread copies the write-ahead log into the database file", async () => {
	const dir = mkdtempSync(join(tmpdir(), "checkpoint-"));
	try {
		const path = join(dir, "scores.db");
		const db = openDatabase(path);
		const checkpointer = startCheckpointer(db, path, 20);
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
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
