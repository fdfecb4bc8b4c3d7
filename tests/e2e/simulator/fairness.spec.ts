import { expect, test, type Page } from "@playwright/test";
import { createTranslator } from "../../../src/i18n/i18n-core.ts";
import { replay } from "../../../src/simulator/model/replay.ts";
import { listScenarios } from "../../../src/simulator/scenarios/registry.ts";
import { startAt } from "../../../src/simulator/scenarios/start.ts";
import { nextAction, read, type ShownSection } from "../../../src/simulator/proofs/brief-solver.ts";
import { Trainee, storedAttempt, texts, type Locale, scenarioTitle } from "./driver.ts";

/**
 * Every scenario is passable from its brief as printed: the requirements table is read from the
 * page (not from the scenario), and the brief-only solver's actions are performed through the UI,
 * in an assessment, where no checklist, hint or coach helps.
 */

/** The requirements as the page shows them: per section, rows of cells, each cell's values. */
async function shownTable(page: Page): Promise<ShownSection[]> {
	return page.locator("[data-requirements]").evaluateAll((sections) =>
		sections.map((section) => ({
			id: (section as HTMLElement).dataset["requirements"] ?? "",
			rows: [...section.querySelectorAll("[data-row]")].map((row) =>
				[...row.querySelectorAll("[data-cell]")].map((cell) => {
					const items = [...cell.querySelectorAll("li")];
					return {
						values: (items.length > 0 ? items : [cell]).map((e) => e.textContent?.trim() ?? ""),
					};
				}),
			),
		})),
	);
}

for (const scenario of listScenarios()) {
	for (const locale of ["de", "en"] as Locale[]) {
		test(`${scenario.id} (${locale}): following the brief as printed reaches 100`, async ({
			page,
		}) => {
			test.setTimeout(120_000);
			const trainee = new Trainee(page, locale);
			await page.goto(`/${locale}/practice/`);
			await trainee.startPractice(scenarioTitle(scenario.id, locale), "assessment");
			const reading = read(await shownTable(page), createTranslator(texts[locale]));
			const { attempt } = await storedAttempt(page);
			const start = startAt(scenario, attempt.scenario.seed).state;
			for (let i = 0; i < 60; i++) {
				// The account as the screen shows it: the model state after the trainee's actions.
				const { attempt: now } = await storedAttempt(page);
				const state = replay(start, now.events).state;
				const action = nextAction(reading, state);
				if (action === null) break;
				await trainee.perform(action, state);
			}
			await trainee.finish();
			await expect(
				page.getByText(
					trainee.t.grading.score.replace("{{score}}", "100").replace("{{max}}", "100"),
					{ exact: true },
				),
			).toBeVisible();
			await expect(page.getByText(trainee.t.ui.results.noFindings)).toBeVisible();
		});
	}
}
