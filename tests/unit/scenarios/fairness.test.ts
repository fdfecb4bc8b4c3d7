import { describe, expect, test } from "vitest";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };
import { createTranslator } from "../../../src/i18n/i18n-core.ts";
import { grade } from "../../../src/simulator/grading/index.ts";
import {
	renderBrief,
	requirementTable,
	scenarios,
	startPoint,
	variant,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";
import { attemptFromTable, type ShownSection } from "../../../src/simulator/proofs/brief-solver.ts";

/**
 * The brief-only solver (`src/simulator/proofs/brief-solver.ts`) reads the requirements table as
 * shown (text only) and the account as shown. Here: that it notices a table leaving something out,
 * and that a brief names nothing the table does not show.
 */

const translators = { de: createTranslator(de), en: createTranslator(en) } as const;

/** The table as the screen shows it: section ids and cell texts, nothing else of the scenario. */
function shown(s: Scenario, locale: "de" | "en"): ShownSection[] {
	return requirementTable(s, translators[locale]).map((section) => ({
		id: section.id,
		rows: section.rows.map((row) => row.map((cell) => ({ values: [...cell.values] }))),
	}));
}

describe("every scenario is passable from its brief alone", () => {
	// The 50 variants in both languages are the brief-only proof's (tests/unit/proofs/prove.test.ts).
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
		const result = grade(s, attemptFromTable(sections, translators.de, startPoint(s).state));
		expect(result.score).toBeLessThan(100);
		expect(result.findings.map((f) => f.rule)).toContain("label-wrong");
	});
});

describe("briefs mention only what a screen shows", () => {
	for (const base of scenarios) {
		for (const locale of ["de", "en"] as const) {
			test(`${base.id} (${locale}): every quoted name in the brief is in the requirements table`, () => {
				const s = variant(base, 5);
				const brief = renderBrief(s, locale, translators[locale]);
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
