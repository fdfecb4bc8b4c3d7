import { describe, expect, test } from "vitest";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };
import { createTranslator } from "../../../src/i18n/i18n-core.ts";
import { grade } from "../../../src/simulator/grading/index.ts";
import { apply } from "../../../src/simulator/model/apply.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import type { AttemptEvent } from "../../../src/simulator/attempt/schema.ts";
import {
	renderBrief,
	requirementTable,
	scenarios,
	startPoint,
	variant,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";
import { nextAction, read, type ShownSection } from "../../support/brief-solver.ts";

/**
 * Every scenario is passable from its brief alone: the brief-only solver reads the requirements
 * table as shown (text only) and the account as shown, and must reach 100 for every scenario, 50
 * seeds and both languages.
 */

const translators = { de: createTranslator(de), en: createTranslator(en) } as const;
const seeds = Array.from({ length: 50 }, (_, i) => i * 97 + 1);

/** The table as the screen shows it: section ids and cell texts, nothing else of the scenario. */
function shown(s: Scenario, locale: "de" | "en"): ShownSection[] {
	return requirementTable(s, translators[locale]).map((section) => ({
		id: section.id,
		rows: section.rows.map((row) => row.map((cell) => ({ values: [...cell.values] }))),
	}));
}

/** Acts on what the table says until nothing is left to do, one minute per action. */
function attemptFrom(sections: readonly ShownSection[], locale: "de" | "en", from: State) {
	const reading = read(sections, translators[locale]);
	const events: AttemptEvent[] = [];
	let state = from;
	for (let i = 0; i < 100; i++) {
		const action = nextAction(reading, state);
		if (action === null) return events;
		const at = new Date(Date.UTC(2026, 0, 5, 8, i)).toISOString();
		const result = apply(state, action, { now: () => at });
		events.push({ at, action, outcome: result.ok ? "ok" : result.refusal.code });
		if (!result.ok) throw new Error(`${action.type} refused: ${result.refusal.code}`);
		state = result.state;
	}
	throw new Error("the solver does not finish");
}

describe("every scenario is passable from its brief alone", () => {
	for (const base of scenarios) {
		for (const locale of ["de", "en"] as const) {
			test(`${base.id} (${locale}): 100 for ${seeds.length} seeds`, () => {
				for (const seed of seeds) {
					const s = variant(base, seed);
					const events = attemptFrom(shown(s, locale), locale, startPoint(s).state);
					const result = grade(s, events);
					expect(
						result.findings.map((f) => f.id),
						`${base.id} seed ${seed}`,
					).toEqual([]);
					expect(result.score).toBe(100);
					expect(result.passed).toBe(true);
				}
			});
		}
	}

	test("the solver fails when the table leaves something out, so the test above can fail", () => {
		const s = variant(
			scenarios.find((x) => x.id === "bottling-line")!,
			3,
		);
		const sections = shown(s, "de").map((section) =>
			section.id === "labels"
				? {
						...section,
						rows: section.rows.map((row) => [row[0]!, row[1]!, { values: ["?"] }, row[3]!]),
					}
				: section,
		);
		const result = grade(s, attemptFrom(sections, "de", startPoint(s).state));
		expect(result.score).toBeLessThan(100);
		expect(result.findings.map((f) => f.rule)).toContain("label-wrong");
	});
});

describe("briefs mention only what a screen shows", () => {
	for (const base of scenarios) {
		for (const locale of ["de", "en"] as const) {
			test(`${base.id} (${locale}): every quoted name in the brief is in the requirements table`, () => {
				const s = variant(base, 5);
				const brief = renderBrief(s, translators[locale]);
				expect(brief).not.toMatch(/Aufgabenliste|task list/i);
				const cells = new Set(
					shown(s, locale).flatMap((section) => section.rows.flat().flatMap((c) => c.values)),
				);
				// Quoted names, not quoted speech (a customer's words end in punctuation).
				const quoted = [...brief.matchAll(/[„“"]([^“”"]+)[“”"]/g)]
					.map((m) => m[1]!)
					.filter((q) => !/[.!?]$/.test(q));
				for (const name of quoted) expect(cells.has(name), `${name}`).toBe(true);
			});
		}
	}
});
