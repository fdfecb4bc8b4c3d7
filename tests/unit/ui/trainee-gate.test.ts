import { describe, expect, it } from "vitest";
import { traineeGate } from "../../../src/simulator/ui/trainee-gate.ts";
import type { AttemptTrainee } from "../../../src/simulator/attempt/schema.ts";

describe("traineeGate", () => {
	const jana: AttemptTrainee = { name: "Jana", cohort: "" };

	it("carries out a Start that came before the fields were ready, once", () => {
		const started: AttemptTrainee[] = [];
		const gate = traineeGate((t) => started.push(t));
		gate.submit();
		expect(started).toEqual([]);
		let checks = 0;
		gate.ready(() => (checks++, jana));
		expect(started).toEqual([jana]);
		gate.ready(() => (checks++, jana));
		expect(checks).toBe(1);
	});

	it("starts nothing when the check refuses, and starts at once when ready", () => {
		const started: AttemptTrainee[] = [];
		const gate = traineeGate((t) => started.push(t));
		gate.ready(() => undefined);
		gate.submit();
		expect(started).toEqual([]);
		gate.ready(() => jana);
		gate.submit();
		expect(started).toEqual([jana]);
	});

	it("waits without a Start", () => {
		let checks = 0;
		traineeGate(() => {}).ready(() => (checks++, jana));
		expect(checks).toBe(0);
	});
});
