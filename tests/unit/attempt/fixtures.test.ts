import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { evaluateAttempt as serverEvaluate } from "../../../src/server/attempts/regrade.ts";
import { evaluateAttempt, gradeAttempt } from "../../../src/simulator/attempt/index.ts";
import { SqliteDatabase } from "../../../src/server/database/sqlite.ts";
import { openDatabase } from "../../../src/server/database/sqlite-schema.ts";
import { ScenarioStore } from "../../../src/server/scenarios/store.ts";

/**
 * Attempt files written before the core took over the attempt format (`tests/fixtures/attempts`,
 * each with the grade the code of that time gave it) still load, replay as recorded and grade the
 * same: through the core, the server and `gradeAttempt` alike.
 */
const folder = new URL("../../fixtures/attempts/", import.meta.url);
const fixtures = readdirSync(folder).filter((f) => f.endsWith(".json"));

describe("attempt files from before the move", () => {
	test("there are fixtures: solved, flawed, partial, a recovery and an exercise", () => {
		expect(fixtures.length).toBeGreaterThanOrEqual(5);
	});

	const scenarios = new ScenarioStore(new SqliteDatabase(openDatabase(":memory:")));

	test.each(fixtures)("%s grades as it did", async (file) => {
		const { attempt, grade } = JSON.parse(readFileSync(new URL(file, folder), "utf8")) as {
			attempt: unknown;
			grade: unknown;
		};
		const core = evaluateAttempt(attempt);
		expect(core.ok).toBe(true);
		if (!core.ok) return;
		expect(core.replayProblem).toBeNull();
		expect(core.grade).toEqual(grade);
		expect(gradeAttempt(core.attempt)).toEqual(grade);
		const server = await serverEvaluate(attempt, scenarios);
		expect(server.ok && server.grade).toEqual(grade);
	});
});
