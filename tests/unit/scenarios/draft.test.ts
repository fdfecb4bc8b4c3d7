import { describe, expect, test } from "vitest";
import {
	draftOfScenario,
	draftSchema,
	emptyDraft,
	fieldLines,
	scenarioOfDraft,
} from "../../../src/simulator/scenarios/draft.ts";
import { getScenario, scenarios } from "../../../src/simulator/scenarios/registry.ts";
import { scenarioSchema } from "../../../src/simulator/scenarios/schema.ts";

const texts = {
	de: { title: "Titel", summary: "Kurz.", brief: "Für {{company}}." },
	en: { title: "Title", summary: "Short.", brief: "For {{company}}." },
};

describe("a scenario as a trainer writes it", () => {
	test.each(scenarios.map((s) => [s.id, s]))(
		"%s survives the way into a draft and back",
		(id, s) => {
			const draft = draftOfScenario(s, texts);
			expect(draftSchema.safeParse(draft).success).toBe(true);
			const back = scenarioSchema.parse(scenarioOfDraft(id, draft));
			expect(back).toEqual({ ...s, kind: s.kind ?? "staging", texts });
		},
	);

	test("what was typed stays as typed, and the schema says where it is wrong", () => {
		const draft = draftOfScenario(getScenario("bottling-line")!, texts);
		draft.labels[0]!.widthMm = "breit";
		draft.configurations[0]!.label = "Gibt es nicht";
		const parsed = scenarioSchema.safeParse(scenarioOfDraft("x", draft));
		expect(parsed.success).toBe(false);
		const issues = parsed.success ? [] : parsed.error.issues;
		expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([
			["labels.0.widthMm", "invalid_type"],
			["configurations.0.label", "custom"],
		]);
		expect(draft.labels[0]!.widthMm).toBe("breit");
	});

	test("a language counts when any of its texts is written, and the empty draft asks for one", () => {
		const draft = structuredClone(emptyDraft);
		draft.texts.en.title = "Only a title";
		const value = scenarioOfDraft("x", draft) as { texts: Record<string, unknown> };
		expect(Object.keys(value.texts)).toEqual(["en"]);
		const parsed = scenarioSchema.safeParse(value);
		const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
		expect(paths).toContain("texts.en.brief");
		expect(paths).toContain("partner.email");
	});

	test("data fields are one a line; a staging scenario has no start state", () => {
		expect(fieldLines(" Artikel \r\n\nCharge\rMHD\n")).toEqual(["Artikel", "Charge", "MHD"]);
		const draft = { ...draftOfScenario(getScenario("typo-recovery")!, texts), kind: "staging" };
		expect(scenarioOfDraft("x", draft)).not.toHaveProperty("situation");
	});

	test("every string is bounded, so a hostile draft cannot grow without end", () => {
		const draft = structuredClone(emptyDraft);
		draft.texts.de.brief = "x".repeat(8001);
		expect(draftSchema.safeParse(draft).success).toBe(false);
		draft.texts.de.brief = "x";
		draft.labels = Array.from({ length: 41 }, () => ({
			name: "",
			widthMm: "",
			heightMm: "",
			printer: "",
			fields: "",
		}));
		expect(draftSchema.safeParse(draft).success).toBe(false);
	});
});
