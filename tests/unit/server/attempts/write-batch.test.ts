import { describe, expect, test } from "vitest";
import type { Attempt } from "../../../../src/simulator/attempt/schema.ts";
import { gradeAttempt } from "../../../../src/simulator/attempt/index.ts";
import { AttemptStore, type NewAttempt } from "../../../../src/server/attempts/store.ts";
import { digestOf } from "../../../../src/server/attempts/regrade.ts";
import { BatchedAttemptWriter } from "../../../../src/server/attempts/write-batch.ts";
import { attempt, stores } from "../support.ts";

function record(a: Attempt, source: NewAttempt["source"] = "submit"): NewAttempt {
	return {
		attempt: a,
		grade: gradeAttempt(a)!,
		digest: digestOf(a),
		source,
		receivedAt: "2026-02-01T10:00:00.000Z",
		altered: null,
	};
}

describe.each(stores)("batched attempt writer ($name)", (under) => {
	test("submissions of one turn share a transaction; each settles with its own outcome", async () => {
		const store = new AttemptStore(await under.database());
		const writer = new BatchedAttemptWriter(store);
		let commits = 0;
		const original = store.insertMany.bind(store);
		store.insertMany = (records) => {
			commits++;
			return original(records);
		};
		const a = attempt({ id: "a" });
		const results = await Promise.allSettled([
			writer.insert(record(a)),
			writer.insert(record(attempt({ id: "b" }))),
			writer.insert(record(a)),
			// Breaks the table's CHECK on `source`: fails alone, the others stay stored.
			writer.insert(record(attempt({ id: "c" }), "bogus" as NewAttempt["source"])),
			writer.insert(record({ ...a, hintsUsed: 1 })),
		]);
		expect(commits).toBe(1);
		expect(results.map((r) => (r.status === "fulfilled" ? r.value : "error"))).toEqual([
			"inserted",
			"inserted",
			"duplicate",
			"error",
			"conflict",
		]);
		expect(await store.count()).toBe(2);
		expect(await store.get("c")).toBeUndefined();

		expect(await writer.insert(record(attempt({ id: "d" })))).toBe("inserted");
		expect(commits).toBe(2);
	});

	test("while the checkpointer holds writes, submissions wait and are stored afterwards", async () => {
		const store = new AttemptStore(await under.database());
		let hold = true;
		const writer = new BatchedAttemptWriter(store, () => hold);
		let settled = false;
		const pending = writer.insert(record(attempt({ id: "held" }))).then((outcome) => {
			settled = true;
			return outcome;
		});
		await new Promise((r) => setTimeout(r, 30));
		expect(settled).toBe(false);
		expect(await store.count()).toBe(0);
		hold = false;
		expect(await pending).toBe("inserted");
		expect(await store.count()).toBe(1);
	});
});
