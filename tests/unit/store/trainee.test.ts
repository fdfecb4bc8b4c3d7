import {
	cleanTestStorage,
	getTestStorage,
	setTestStorageKey,
	useTestStorageEngine,
} from "@nanostores/persistent";
import { cleanStores, keepMount } from "nanostores";
import { afterEach, beforeAll, describe, expect, test } from "vitest";

beforeAll(() => useTestStorageEngine());

// The store reads storage again whenever it is mounted, so one module serves every test.
const load = () => import("../../../src/simulator/store/trainee.ts");

describe("trainee store", () => {
	afterEach(() => cleanTestStorage());

	test("remembers name and cohort, trimmed", async () => {
		const { $trainee, setTrainee, traineeStorageKey, attemptTrainee } = await load();
		keepMount($trainee);
		setTrainee("  Jana Beispiel ", " 2026-01 ");
		expect(JSON.parse(getTestStorage()[traineeStorageKey]!)).toEqual({
			name: "Jana Beispiel",
			cohort: "2026-01",
		});
		expect(attemptTrainee($trainee.get())).toEqual({ name: "Jana Beispiel", cohort: "2026-01" });
		expect(attemptTrainee({ name: " ", cohort: "x" })).toBeUndefined();
		cleanStores($trainee);
	});

	test.each([
		["not JSON", "{"],
		["the wrong shape", JSON.stringify({ name: 3 })],
		["too long a name", JSON.stringify({ name: "x".repeat(101), cohort: "" })],
	])("stored %s loads as not entered yet", async (_name, stored) => {
		setTestStorageKey("staging-trainer:trainee", stored);
		const { $trainee, emptyTrainee } = await load();
		keepMount($trainee);
		expect($trainee.get()).toEqual(emptyTrainee);
		cleanStores($trainee);
	});

	test("a valid stored value is loaded", async () => {
		setTestStorageKey("staging-trainer:trainee", JSON.stringify({ name: "Ada", cohort: "K" }));
		const { $trainee } = await load();
		keepMount($trainee);
		expect($trainee.get()).toEqual({ name: "Ada", cohort: "K" });
		cleanStores($trainee);
	});
});
