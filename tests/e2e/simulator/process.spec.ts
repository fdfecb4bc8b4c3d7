import { expect, test } from "@playwright/test";
import { Trainee, storedAttempt, type Locale, scenarioTitle } from "./driver.ts";
import { reference } from "./reference.ts";

const runs: { locale: Locale; scenario: string; keyboard: boolean }[] = [
	{ locale: "de", scenario: "multi-site-erp", keyboard: false },
	{ locale: "en", scenario: "multi-site-erp", keyboard: false },
	{ locale: "de", scenario: "warehouse-integrations", keyboard: true },
];

for (const run of runs) {
	test(`the full reference process in ${run.locale} reaches 100 and passes${run.keyboard ? ", by keyboard alone" : ""}`, async ({
		page,
	}) => {
		test.setTimeout(120_000);
		const trainee = new Trainee(page, run.locale, run.keyboard);
		await page.goto(`/${run.locale}/practice/`);
		const title = scenarioTitle(run.scenario, run.locale);
		await trainee.startPractice(title, "assessment");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await trainee.performAll(solution.start, solution.events);
		await trainee.finish();
		const t = trainee.t;
		await expect(
			page.getByText(t.grading.score.replace("{{score}}", "100").replace("{{max}}", "100"), {
				exact: true,
			}),
		).toBeVisible();
		await expect(page.getByText(t.grading.passed, { exact: false }).first()).toBeVisible();
		await expect(page.getByText(t.ui.results.noFindings)).toBeVisible();
	});
}
