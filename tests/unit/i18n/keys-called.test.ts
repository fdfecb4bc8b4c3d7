import { describe, expect, test } from "vitest";
import { keysCalled } from "../support/keys-called.ts";

/** The scan keys-used.test.ts relies on: what it reads as a key, and what it must leave alone. */
describe("keysCalled", () => {
	test("literal keys of t, sim.t and props.t, in code and in Astro templates", () => {
		const source = `const a = t("trainer.list.csv");
<p>{sim.t('ui.submit.title', { x })}</p>
{props.t(\`steps.order.title\`)}`;
		expect(keysCalled(source).map((c) => c.key)).toEqual([
			"trainer.list.csv",
			"ui.submit.title",
			"steps.order.title",
		]);
	});

	test("a key built from a template becomes a pattern of one or more segments", () => {
		const [call] = keysCalled("t(`steps.${s.step}.title`)");
		expect(call?.pattern?.test("steps.order-account.title")).toBe(true);
		expect(call?.pattern?.test("step.order-account.title")).toBe(false);
	});

	test("a file's prefixed helper is read with its prefix", () => {
		const source = `const s = (key: string, params?: Record<string, unknown>) => t(\`trainer.scenarios.\${key}\`, params);
<legend>{s("sections.kind")}</legend>`;
		expect(keysCalled(source).map((c) => c.key)).toEqual(["trainer.scenarios.sections.kind"]);
	});

	test("the cohort texts are read under cohort., undotted keys too", () => {
		const source = `const t = cohortTexts(sim); t("title"); cohortTexts(sim)(\`errors.\${e}\`); sim.t("ui.x.y")`;
		expect(keysCalled(source).map((c) => c.key)).toEqual([
			"cohort.title",
			"ui.x.y",
			"cohort.errors.${e}",
		]);
	});

	test("words, paths and other functions' strings are not keys", () => {
		const source = `t("Hello world"); format("trainer.list.csv"); set("a.b"); t(name); at("situation.before")`;
		expect(keysCalled(source)).toEqual([]);
	});
});
