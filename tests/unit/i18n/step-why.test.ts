import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { emphasisRuns, withoutEmphasis } from "../../../src/i18n/emphasis.ts";
import { messages } from "../../../src/i18n/messages.ts";
import { stepIds } from "../../../src/simulator/process/steps.ts";

const docs = join(import.meta.dirname, "../../../src/content/docs");

describe("one owner for each step's why", () => {
	for (const locale of ["de", "en"] as const) {
		test(`the ${locale} guide shows every step's why from the messages the demo shows`, () => {
			const source = readFileSync(join(docs, locale, "staging.mdx"), "utf8");
			const used = [...source.matchAll(/<StepWhy locale="(\w+)" step="([a-z-]+)" \/>/g)];
			expect(used.map((m) => m[1])).toEqual(used.map(() => locale));
			expect(used.map((m) => m[2]).sort()).toEqual([...stepIds].sort());
			// Each sits in its own step's section.
			for (const m of used) {
				const before = source.slice(0, m.index);
				const heading = [...before.matchAll(/\\\{#([a-z-]+)\\\}/g)].at(-1)?.[1];
				expect(heading, m[2]).toBe(m[2]);
			}
			// And no why is written out by hand beside them.
			const lead =
				locale === "de" ? /^\*\*Warum[^*]*:\*\* (?!<StepWhy)/m : /^\*\*Why[^*]*:\*\* (?!<StepWhy)/m;
			expect(source).not.toMatch(lead);
		});
	}

	test("emphasis marks become strong runs, and plain text drops them", () => {
		const text = messages.de.stepWhy["grant-administration"];
		const runs = emphasisRuns(text);
		expect(runs.filter((r) => r.strong).map((r) => r.text)).toEqual(["Verwaltung", "Verwaltung"]);
		expect(runs.map((r) => r.text).join("")).toBe(withoutEmphasis(text));
		expect(emphasisRuns("a **b** c")).toEqual([
			{ text: "a ", strong: false },
			{ text: "b", strong: true },
			{ text: " c", strong: false },
		]);
	});
});
