import { describe, expect, test } from "vitest";
import { grade } from "../../../src/simulator/grading/grade.ts";
import { maxScore, passMark } from "../../../src/simulator/grading/rubric.ts";
import { escapeHtml } from "../../../src/simulator/text/escape.ts";
import { manifestXml } from "../../../src/simulator/lms/manifest.ts";
import {
	displayName,
	essentialElements,
	finishValues,
	learnerSeed,
	scormTimeSpan,
	suspendValues,
} from "../../../src/simulator/lms/scorm.ts";
import { getScenario, referenceLog, variant } from "../../../src/simulator/scenarios/index.ts";

const scenario = variant(getScenario("first-handover")!, 4);
const perfect = grade(scenario, referenceLog(scenario));
const empty = grade(scenario, []);

describe("what the LMS records", () => {
	test("session times in each version's format", () => {
		expect(scormTimeSpan(0, "1.2")).toBe("0000:00:00.00");
		expect(scormTimeSpan(3_723_450, "1.2")).toBe("0001:02:03.45");
		expect(scormTimeSpan(3_723_450, "2004")).toBe("PT1H2M3.45S");
		expect(scormTimeSpan(60_000, "2004")).toBe("PT0H1M0S");
	});

	test("a perfect attempt: passed, the rubric's maximum, every step correct (1.2)", () => {
		const values = new Map(finishValues("1.2", perfect, 90_000));
		expect(values.get("cmi.core.lesson_status")).toBe("passed");
		expect(values.get("cmi.core.score.raw")).toBe(String(maxScore));
		expect(values.get("cmi.core.score.max")).toBe(String(maxScore));
		expect(values.get("cmi.core.score.min")).toBe("0");
		expect(values.get("cmi.core.session_time")).toBe("0000:01:30.00");
		const results = [...values].filter(([k]) => /^cmi\.interactions\.\d+\.result$/.test(k));
		expect(results).toHaveLength(perfect.steps.length);
		expect(results.every(([, v]) => v === "correct")).toBe(true);
	});

	test("an empty attempt: failed with its own score, undone steps incorrect (2004)", () => {
		const values = finishValues("2004", empty, 1000);
		const map = new Map(values);
		expect(map.get("cmi.success_status")).toBe("failed");
		expect(map.get("cmi.completion_status")).toBe("completed");
		expect(map.get("cmi.score.raw")).toBe(String(empty.score));
		expect(map.get("cmi.score.scaled")).toBe(String(empty.score / maxScore));
		expect(map.get("cmi.interactions.0.result")).toBe("incorrect");
		// An interaction's id comes before its other values, as the standard requires.
		const at = (k: string) => values.findIndex(([e]) => e === k);
		expect(at("cmi.interactions.0.id")).toBeLessThan(at("cmi.interactions.0.result"));
	});

	test("the verdict and the score are among what is reported, so a report stands on them", () => {
		for (const version of ["1.2", "2004"] as const) {
			const reported = finishValues(version, perfect, 0).map(([element]) => element);
			expect(essentialElements(version).every((e) => reported.includes(e))).toBe(true);
			expect(essentialElements(version).some((e) => e.includes("interactions"))).toBe(false);
		}
	});

	test("leaving before the end asks the LMS to keep the attempt", () => {
		expect(new Map(suspendValues("1.2", 0)).get("cmi.core.exit")).toBe("suspend");
		expect(new Map(suspendValues("2004", 0)).get("cmi.exit")).toBe("suspend");
	});

	test("a learner's variant is the same at every launch and differs between learners", () => {
		expect(learnerSeed("u-1001")).toBe(learnerSeed("u-1001"));
		expect(learnerSeed("u-1001")).not.toBe(learnerSeed("u-1002"));
		expect(learnerSeed("")).toBeGreaterThanOrEqual(0);
		expect(learnerSeed("ü".repeat(300))).toBeLessThanOrEqual(0xffff_ffff);
	});

	test("names in the LMS's 'Last, First' form read first name first", () => {
		expect(displayName("Beispiel, Jana")).toBe("Jana Beispiel");
		expect(displayName("Jana Beispiel")).toBe("Jana Beispiel");
		expect(displayName("a, b, c")).toBe("a, b, c");
	});
});

describe("the manifest", () => {
	const files = ["index.html", "assets/app-1.js", "assets/app 2.css"];
	test("1.2 declares a SCO with the rubric's pass mark as mastery score", () => {
		const xml = manifestXml({
			version: "1.2",
			identifier: "p1",
			title: "T",
			launch: "index.html",
			files,
		});
		expect(xml).toContain('adlcp:scormtype="sco"');
		expect(xml).toContain(`<adlcp:masteryscore>${passMark}</adlcp:masteryscore>`);
		expect(xml).toContain('<file href="assets/app%202.css"/>');
		expect(xml.match(/<file /g)).toHaveLength(3);
	});

	test("2004 declares a SCO with the pass mark, leaving the verdict to the package", () => {
		const xml = manifestXml({
			version: "2004",
			identifier: "p1",
			title: "T",
			launch: "index.html",
			files,
		});
		expect(xml).toContain('adlcp:scormType="sco"');
		expect(xml).toContain(
			`<imsss:minNormalizedMeasure>${passMark / maxScore}</imsss:minNormalizedMeasure>`,
		);
		expect(xml).toContain("2004 4th Edition");
		expect(xml).toContain('satisfiedByMeasure="false"');
	});

	test("a hostile title stays text, and a bad identifier is refused", () => {
		const xml = manifestXml({
			version: "1.2",
			identifier: "p1",
			title: `</title><x a="1">&`,
			launch: "index.html",
			files,
		});
		expect(xml).toContain(`<title>${escapeHtml(`</title><x a="1">&`)}</title>`);
		expect(xml).not.toContain("<x ");
		expect(() =>
			manifestXml({ version: "1.2", identifier: 'a"b', title: "T", launch: "index.html", files }),
		).toThrow(/identifier/);
	});
});
