import { describe, expect, test } from "vitest";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };
import { createTranslator } from "../../../src/i18n/i18n-core.ts";
import { solve } from "../../../src/simulator/scenarios/solution.ts";
import { startPoint } from "../../../src/simulator/scenarios/start.ts";
import { variant } from "../../../src/simulator/scenarios/variant.ts";
import { getScenario, scenarios } from "../../../src/simulator/scenarios/registry.ts";
import type { Scenario } from "../../../src/simulator/scenarios/schema.ts";
import { criticalMistakes, detects, playMistake } from "../../../src/simulator/proofs/mistakes.ts";
import { proveScenario, type ProofResult } from "../../../src/simulator/proofs/prove.ts";

const translators = { de: createTranslator(de), en: createTranslator(en) } as const;
const prove = (value: unknown) => proveScenario(value, { translators });
const copy = (id: string): Scenario => structuredClone(getScenario(id)!);
const proof = (result: ProofResult, id: string) => result.proofs.find((p) => p.id === id)!;

describe("the proofs of fairness", () => {
	test.each(scenarios.map((s) => [s.id, s]))(
		"%s passes every proof, 50 variants in both languages",
		(_id, s) => {
			const result = prove(s);
			expect(result.proofs.map((p) => [p.id, p.status, p.problems])).toEqual([
				["schema", "passed", []],
				["reference", "passed", []],
				["brief-only", "passed", []],
				["mistakes", "passed", []],
			]);
			expect(proof(result, "brief-only").checked).toBe(100);
			expect(result.passed).toBe(true);
		},
	);

	test("an unfair draft is refused with each problem at its field", () => {
		const s = copy("warehouse-integrations");
		s.configurations[0]!.label = "Gibt es nicht";
		s.mailboxes[0]!.email = "";
		s.users[0]!.roles = [];
		const result = prove(s);
		expect(result.passed).toBe(false);
		const schema = proof(result, "schema");
		expect(schema.status).toBe("failed");
		const found = schema.problems.map((p) => [p.path.join("."), p.code]);
		expect(found).toContainEqual(["configurations.0.label", "label-unknown"]);
		expect(found).toContainEqual(["mailboxes.0.email", "address-invalid"]);
		expect(found).toContainEqual(["users.0.roles", "required"]);
		expect(schema.problems.find((p) => p.code === "label-unknown")?.values).toEqual({
			name: "Gibt es nicht",
		});
		// Nothing else runs on a file that is not a scenario.
		expect(result.proofs.slice(1).map((p) => p.status)).toEqual(["skipped", "skipped", "skipped"]);
	});

	test("a table a trainee cannot tell apart makes the brief-only proof fail, with the language and variant", () => {
		// Two access roles shown under one name: the trainee cannot know which one is meant.
		const ambiguous = (key: string, params?: Record<string, unknown>) =>
			translators.en(
				key === "roles.approver-second-level.name" ? "roles.approver.name" : key,
				params,
			);
		const result = proveScenario(getScenario("multi-site-erp")!, {
			translators: { de: translators.de, en: ambiguous },
			variants: 3,
		});
		const briefOnly = proof(result, "brief-only");
		expect(briefOnly.status).toBe("failed");
		expect(briefOnly.problems).toHaveLength(1);
		expect(briefOnly.problems[0]).toMatchObject({
			code: "brief-only-score",
			values: { locale: "en", seed: 0 },
		});
		expect(String(briefOnly.problems[0]!.values.rules)).toContain("user-wrong-roles");
	});

	test("a trainer's texts use only placeholders the scenario fills, in a language at least", () => {
		const s = {
			...copy("first-handover"),
			texts: { de: { title: "T", summary: "S", brief: "Für {{company}} und {{name.nobody}}." } },
		};
		const problems = proof(prove(s), "schema").problems;
		expect(problems.map((p) => [p.path.join("."), p.code, p.values])).toEqual([
			["texts.de.brief", "placeholder-unknown", { placeholder: "name.nobody" }],
		]);
		expect(proof(prove({ ...s, texts: {} }), "schema").problems.map((p) => p.code)).toEqual([
			"texts-none",
		]);
	});

	test("an own scenario is proved only in the languages it has texts for", () => {
		const s = {
			...copy("first-handover"),
			texts: { en: { title: "Bakery", summary: "One label.", brief: "Stage {{company}}." } },
		};
		const result = prove(s);
		expect(result.passed).toBe(true);
		expect(proof(result, "brief-only").checked).toBe(50);
	});
});

describe("each critical mistake, made on purpose", () => {
	const s = variant(getScenario("first-handover")!, 0);
	const start = startPoint(s).state;

	test.each(criticalMistakes.map((m) => [m.rule, m]))(
		"%s is reachable from an empty account and found",
		(rule, mistake) => {
			expect(mistake.unreachable(s, start)).toBeNull();
			const events = playMistake(s, start, mistake);
			expect(detects(s, events, rule)).toBe(true);
		},
	);

	test("the reference solution makes none of them, so detection is not a given", () => {
		const reference = solve(getScenario("first-handover")!, 0);
		for (const mistake of criticalMistakes) expect(detects(s, reference, mistake.rule)).toBe(false);
	});

	test("what a recovery scenario's start rules out is reported as unreachable, with why", () => {
		const result = prove(getScenario("early-step-down")!);
		expect(proof(result, "mistakes").unreachable?.map((u) => u.rule)).toEqual([
			"account-not-ordered",
			"order-foreign-address",
			"invited-before-preparation",
			"stepped-down-too-early",
			"partner-still-administrator",
		]);
	});
});
