import { describe, expect, test } from "vitest";
import i18next from "i18next";
import { messages } from "../../../src/i18n/messages.ts";

const { de, en } = messages;
import { gradingNumbers, rubric, type RubricRule } from "../../../src/simulator/grading/rubric.ts";

/**
 * Every number a text states comes from the data that decides it: the message files hold
 * placeholders, never the numbers themselves, and the texts rendered with an altered rubric state
 * the altered numbers.
 */

type Messages = { readonly [key: string]: string | Messages };

function entries(messages: Messages, prefix = ""): [string, string][] {
	return Object.entries(messages).flatMap(([key, value]) =>
		typeof value === "string" ? [[prefix + key, value]] : entries(value, `${prefix}${key}.`),
	);
}

/** Digits that are names, not quantities: the completion code's prefix and the source's step number. */
const allowed: Readonly<Record<string, RegExp>> = {
	"trainer.import.codesHint": /ST1/,
	"findings.partner-not-service-provider": /3\.5/,
};

describe("numbers in texts come from data", () => {
	test.each([
		["de", de],
		["en", en],
	] as const)("no %s message states a literal number", (_locale, messages) => {
		for (const [key, text] of entries(messages)) {
			const prose = text.replace(/\{\{[^}]*\}\}/g, "").replace(allowed[key] ?? /$^/, "");
			expect(prose, key).not.toMatch(/\d/);
		}
	});

	test("texts rendered with an altered rubric state the altered numbers", async () => {
		const altered: RubricRule[] = rubric.map((r) =>
			r.id === "hints-used" ? { ...r, points: 7, cap: 21 } : r,
		);
		const numbers = gradingNumbers(altered, { maxScore: 120, passMark: 67, refusalAllowance: 9 });
		const instance = i18next.createInstance();
		await instance.init({ resources: { de: { translation: de }, en: { translation: en } } });
		for (const lng of ["de", "en"]) {
			const t = instance.getFixedT(lng);
			expect(t("grading.passRule", { passMark: numbers.passMark })).toContain("67");
			expect(t("grading.score", { score: 50, max: numbers.maxScore })).toContain("120");
			expect(t("ui.submit.saved", { score: 50, max: numbers.maxScore })).toContain("120");
			expect(t("trainer.rubric.allowance", { count: numbers.refusalAllowance })).toContain("9");
			const cost = t("ui.hints.cost", {
				count: 1,
				points: numbers.hintPoints,
				cap: numbers.hintCap,
			});
			expect(cost).toContain("7");
			expect(cost).toContain("21");
			expect(t("findings.hints-used", { count: 1, points: numbers.hintPoints })).toContain("7");
		}
	});

	test("the real numbers are the rubric's", () => {
		const hints = rubric.find((r) => r.id === "hints-used")!;
		expect(gradingNumbers()).toMatchObject({ hintPoints: hints.points, hintCap: hints.cap });
	});
});
