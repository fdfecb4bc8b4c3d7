import { expect, test } from "@playwright/test";
import { decodeCompletionCode } from "../../../src/simulator/attempt/completion-code.ts";
import { trainerPassword, uniqueCohort } from "../trainer/support.ts";
import { Trainee, storedAttempt, scenarioTitle } from "./driver.ts";
import { reference } from "./reference.ts";

const scenarioId = "first-handover";

test("a trainee finishes an assessment in the UI and the trainer sees it with the server's score", async ({
	browser,
}) => {
	test.setTimeout(90_000);
	const cohort = uniqueCohort();
	const context = await browser.newContext();
	const page = await context.newPage();
	const trainee = new Trainee(page, "de");
	const t = trainee.t;
	await page.goto("/de/practice/");
	await trainee.check(page.getByRole("radio", { name: scenarioTitle(scenarioId, "de") }), true);
	await trainee.check(
		page.getByRole("radio", { name: new RegExp(`^${t.ui.modes.assessment.name} `) }),
		true,
	);
	// The display name is required for an assessment; the refusal names the field.
	await page.getByRole("button", { name: t.ui.picker.start, exact: true }).click();
	const name = page.getByLabel(t.ui.trainee.name);
	await expect(name).toHaveAttribute("aria-invalid", "true");
	await expect(name).toBeFocused();
	await name.fill("Jana Beispiel");
	await page.getByLabel(t.ui.trainee.cohort).fill(cohort);
	await page.getByRole("button", { name: t.ui.picker.start, exact: true }).click();
	await expect(trainee.orderFrame).toBeVisible();
	// Assessment shows the brief only: no checklist, hints or coach.
	await expect(page.getByRole("heading", { name: t.ui.panel.checklist })).toHaveCount(0);
	await expect(page.getByRole("button", { name: t.ui.hints.show })).toHaveCount(0);

	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events);
	await trainee.finish();
	await expect(
		page.getByText(t.ui.submit.saved.replace("{{score}}", "100").replace("{{max}}", "100")),
	).toBeVisible();
	await context.close();

	const trainer = await browser.newContext();
	const dashboard = await trainer.newPage();
	await dashboard.goto(`/de/trainer/?cohort=${cohort}`);
	await dashboard.getByLabel(t.trainer.login.email).fill("admin");
	await dashboard.getByLabel(t.trainer.login.password).fill(trainerPassword);
	await dashboard.getByRole("button", { name: t.trainer.login.submit }).click();
	const row = dashboard.getByRole("row", { name: /Jana Beispiel/ });
	await expect(row).toContainText("100");
	await expect(row).toContainText(t.grading.passed);
	await trainer.close();
});

test("without a score server the trainee gets a result file and a completion code", async ({
	page,
}) => {
	test.setTimeout(60_000);
	await page.route("**/api/attempts", (route) => route.fulfill({ status: 404, body: "Not found" }));
	const trainee = new Trainee(page, "en");
	const t = trainee.t;
	await page.goto("/en/practice/");
	await trainee.startPractice(scenarioTitle(scenarioId, "en"), "assessment", "Sam Offline");
	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events.slice(0, 2));
	await trainee.finish();
	await expect(page.getByText(t.ui.submit.offline)).toBeVisible();
	const download = page.waitForEvent("download");
	await page.getByRole("button", { name: t.ui.submit.download }).click();
	expect((await download).suggestedFilename()).toMatch(
		/^staging-trainer_first-handover_sam-offline_.*\.json$/,
	);
	const code = await page.getByLabel(t.ui.submit.code).inputValue();
	const decoded = await decodeCompletionCode(code);
	expect(decoded.ok && decoded.attempt.trainee?.name).toBe("Sam Offline");
	expect(decoded.ok && decoded.attempt.events).toHaveLength(2);
});

test("while the score server's database is away the trainee is told so and sends again", async ({
	page,
}) => {
	test.setTimeout(60_000);
	let away = true;
	await page.route("**/api/attempts", (route) =>
		away
			? route.fulfill({
					status: 503,
					headers: { "Content-Type": "application/json", "Retry-After": "5" },
					body: JSON.stringify({ error: "store-unavailable", message: "not available" }),
				})
			: route.continue(),
	);
	const trainee = new Trainee(page, "de");
	const t = trainee.t;
	await page.goto("/de/practice/");
	await trainee.startPractice(scenarioTitle(scenarioId, "de"), "assessment", "Sam Später");
	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events);
	await trainee.finish();
	await expect(page.getByText(t.ui.submit.unavailable)).toBeVisible();
	// The way out that needs no server is offered as well.
	await expect(page.getByLabel(t.ui.submit.code)).toBeVisible();
	away = false;
	await page.getByRole("button", { name: t.ui.submit.retry }).click();
	await expect(
		page.getByText(t.ui.submit.saved.replace("{{score}}", "100").replace("{{max}}", "100")),
	).toBeVisible();
	await expect(page.getByRole("button", { name: t.ui.submit.retry })).toHaveCount(0);
});
