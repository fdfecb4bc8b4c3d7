import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import cohortDe from "../../../src/i18n/cohort-de.json" with { type: "json" };
import cohortEn from "../../../src/i18n/cohort-en.json" with { type: "json" };
import { Trainee, scenarioTitle, storedAttempt, texts, type Locale } from "../simulator/driver.ts";
import { reference } from "../simulator/reference.ts";
import { referenceAttempt, trainerPassword, uniqueCohort } from "./support.ts";

const cohortTexts = { de: cohortDe, en: cohortEn } as const;
const scenarioId = "warehouse-integrations";

/** A trainer's browser, signed in through the sign-in page. */
async function trainerPage(browser: Browser, locale: Locale) {
	const t = texts[locale];
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/${locale}/trainer/cohorts/new/`);
	await page.getByLabel(t.trainer.login.email).fill("admin");
	await page.getByLabel(t.trainer.login.password).fill(trainerPassword);
	await page.getByRole("button", { name: t.trainer.login.submit }).click();
	await expect(page.getByRole("heading", { name: t.trainer.cohorts.newTitle })).toBeVisible();
	return { context, page };
}

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
		.analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
}

/** A trainee's browser on the practice page, joined to the cohort with its code. */
async function joinedTrainee(browser: Browser, locale: Locale, code: string, name: string) {
	const c = cohortTexts[locale];
	const context = await browser.newContext();
	const page = await context.newPage();
	const trainee = new Trainee(page, locale);
	await page.goto(`/${locale}/practice/`);
	await page.getByRole("button", { name: trainee.t.ui.picker.joinCohort }).click();
	// Joining without a code names the missing field.
	await page.getByRole("button", { name: c.join, exact: true }).click();
	await expect(page.getByLabel(c.code, { exact: true })).toHaveAttribute("aria-invalid", "true");
	await axe(page);
	await page.getByLabel(c.code, { exact: true }).fill(code.toLowerCase());
	await page.getByLabel(c.name, { exact: true }).fill(name);
	await page.getByRole("button", { name: c.join, exact: true }).click();
	// Joined once the form is gone: until then the free picker's Start (same label) is on the page,
	// and a test clicking Start then would begin an attempt the cohort never issued.
	await expect(page.getByLabel(c.code, { exact: true })).toHaveCount(0);
	return { context, page, trainee };
}

for (const locale of ["de", "en"] as const) {
	test(`a cohort from the trainer to a passed, issued attempt; self-reported and closed are told apart (${locale})`, async ({
		browser,
		request,
	}) => {
		test.setTimeout(180_000);
		const t = texts[locale];
		const c = cohortTexts[locale];
		const cohortName = `Kohorte ${uniqueCohort()}`;

		// The trainer creates the cohort assigning one scenario.
		const trainer = await trainerPage(browser, locale);
		await trainer.page.getByLabel(t.trainer.cohorts.name, { exact: true }).fill(cohortName);
		await trainer.page.getByRole("checkbox", { name: scenarioTitle(scenarioId, locale) }).check();
		await trainer.page.getByRole("button", { name: t.trainer.cohorts.create }).click();
		await expect(trainer.page.getByRole("status")).toHaveText(t.trainer.cohorts.created);
		const code = (await trainer.page.locator(".trainer-code").textContent())?.trim() ?? "";
		expect(code).toMatch(/^LW-/);

		// A trainee joins and sees exactly the assigned assessment, with the cohort's name.
		const first = await joinedTrainee(browser, locale, code, "Jana Beispiel");
		const page = first.page;
		await expect(
			page.getByRole("heading", { name: c.joined.replace("{{name}}", cohortName) }),
		).toBeVisible();
		await expect(
			page.getByRole("radio", { name: scenarioTitle(scenarioId, locale) }),
		).toBeChecked();
		await expect(page.getByRole("radio")).toHaveCount(1);
		await axe(page);
		await page.getByRole("button", { name: c.start, exact: true }).click();
		await expect(first.trainee.orderFrame).toBeVisible();
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await first.trainee.performAll(solution.start, solution.events);
		await first.trainee.finish();
		await expect(
			page.getByText(t.ui.submit.saved.replace("{{score}}", "100").replace("{{max}}", "100")),
		).toBeVisible();
		await first.context.close();

		// A second trainee posts the solver's log without a token: stored, but self-reported.
		const forged = referenceAttempt({
			scenario: { id: scenarioId, seed: 7 },
			trainee: { name: "Otto Abkürzung", cohort: cohortName },
		});
		expect((await request.post("/api/attempts", { data: forged })).status()).toBe(201);

		// The trainer sees the issued attempt as passed with the server's times.
		await trainer.page.goto(`/${locale}/trainer/?cohort=${encodeURIComponent(cohortName)}`);
		const row = trainer.page.getByRole("row", { name: /Jana Beispiel/ });
		await expect(row).toContainText("100");
		await expect(row).toContainText(t.grading.passed);
		await expect(row).not.toContainText(t.trainer.list.selfReported);
		const forgedRow = trainer.page.getByRole("row", { name: /Otto Abkürzung/ });
		await expect(forgedRow).toContainText(t.trainer.list.selfReported);
		await expect(forgedRow).toContainText(t.trainer.list.flagged);
		await row.getByRole("link", { name: "Jana Beispiel" }).click();
		const issuedText = t.trainer.attempt.issued.split("{{")[0]!.trim();
		await expect(trainer.page.getByText(issuedText)).toBeVisible();

		// The trainer replays the attempt in the Control Center, read-only, to its last action.
		await trainer.page.getByRole("button", { name: t.trainer.replay.start }).click();
		const replay = trainer.page.getByRole("region", { name: t.trainer.replay.title });
		const total = solution.events.length;
		const position = (n: number) =>
			t.trainer.replay.position
				.replace("{{current}}", String(n))
				.replace("{{total}}", String(total));
		await expect(replay.getByRole("status").first()).toHaveText(position(0));
		await expect(replay.getByRole("region", { name: t.ui.order.region })).toBeVisible();
		await replay.getByRole("button", { name: t.trainer.replay.next }).click();
		await expect(replay.getByRole("status").first()).toContainText(position(1));
		await expect(replay.getByRole("region", { name: t.ui.cc.region })).toBeVisible();
		await replay.getByRole("button", { name: t.trainer.replay.last }).click();
		await expect(replay.getByRole("status").first()).toContainText(position(total));
		await replay.getByRole("button", { name: t.trainer.replay.back }).click();
		await expect(replay.getByRole("status").first()).toContainText(position(total - 1));
		// Read-only: the trainer's clicks inside the Control Center do nothing.
		await replay
			.getByRole("navigation", { name: t.ui.cc.navigation })
			.getByRole("button", { name: t.ui.nav.documents, exact: true })
			.click();
		await expect(replay.getByRole("heading", { name: t.ui.documents.title })).toHaveCount(0);
		await expect(replay.getByRole("status").first()).toContainText(position(total - 1));

		// A third trainee starts, the trainer closes the cohort, and the finished attempt is refused.
		const third = await joinedTrainee(browser, locale, code, "Spät Dran");
		await third.page.getByRole("button", { name: c.start, exact: true }).click();
		await expect(third.trainee.orderFrame).toBeVisible();
		await trainer.page.goto(`/${locale}/trainer/cohorts/`);
		await trainer.page.getByRole("link", { name: cohortName }).click();
		// The cohort's insight: who passed, who is working; the self-reported attempt is not in it.
		const trainees = trainer.page.getByRole("table", { name: t.trainer.cohorts.traineesCaption });
		await expect(trainees.getByRole("row", { name: /Jana Beispiel/ })).toContainText(
			t.trainer.cohorts.traineeStates.passed,
		);
		await expect(trainees.getByRole("row", { name: /Spät Dran/ })).toContainText(
			t.trainer.cohorts.traineeStates["in-progress"],
		);
		await expect(trainees.getByRole("row", { name: /Otto/ })).toHaveCount(0);
		// The steps as a chart, named and described by its numbers, and as a table on request.
		const chart = trainer.page.getByRole("img", { name: t.trainer.cohorts.chart.stepsTitle });
		await expect(chart).toHaveAccessibleDescription(
			new RegExp(`${t.steps["order-account"].title}: 1 \\S+ 1`),
		);
		const stepsSection = trainer.page.getByRole("region", { name: t.trainer.cohorts.steps });
		await stepsSection.getByText(t.trainer.cohorts.chart.asTable).click();
		const steps = stepsSection.getByRole("table", { name: t.trainer.cohorts.stepsCaption });
		await expect(
			steps.getByRole("row", { name: new RegExp(t.steps["order-account"].title) }),
		).toContainText("1 / 1");
		const csv = await trainer.page.request.get(
			(await trainer.page
				.getByRole("link", {
					name: t.trainer.cohorts.csvOf.replace("{{table}}", t.trainer.cohorts.tables.trainees),
				})
				.getAttribute("href"))!,
		);
		expect(csv.status()).toBe(200);
		expect(await csv.text()).toContain("Jana Beispiel");
		await trainer.page.getByRole("link", { name: t.trainer.cohorts.tabs.settings }).click();
		await trainer.page.getByRole("button", { name: t.trainer.cohorts.close }).click();
		// The cohort's state, the first fact beside its code.
		await expect(trainer.page.getByRole("definition").first()).toContainText(
			t.trainer.cohorts.states.closed,
		);
		// Closed, its settings are read-only until it is reopened.
		await expect(trainer.page.getByLabel(t.trainer.cohorts.name, { exact: true })).toBeDisabled();
		await expect(
			trainer.page.getByRole("button", { name: t.trainer.cohorts.save, exact: true }),
		).toHaveCount(0);
		await third.trainee.finish();
		await expect(third.page.getByText(c.errors.closed)).toBeVisible();
		await third.context.close();
		// Reopening is a step of its own; then the settings can change again.
		await trainer.page.getByRole("button", { name: t.trainer.cohorts.reopen }).click();
		await expect(trainer.page.getByRole("status")).toHaveText(t.trainer.cohorts.reopened);
		await expect(trainer.page.getByLabel(t.trainer.cohorts.name, { exact: true })).toBeEnabled();
		await trainer.context.close();
	});
}
