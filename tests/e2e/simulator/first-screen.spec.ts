import { expect, test, type Page } from "@playwright/test";
import { Trainee, scenarioTitle, texts, type Locale } from "./driver.ts";

/**
 * The practice page's first screen, the picker, is drawn before the simulator's core (model,
 * grader, workspace) has loaded (`ui/Practice.tsx`). These tests hold the promises that makes: the
 * core is not fetched with the page, Start still works however fast the network, a failure is said,
 * and an attempt under way is back after a reload.
 */
const core = /\/_astro\/simulator-core\.[\w-]+\.js$/;

function coreRequests(page: Page): string[] {
	const seen: string[] = [];
	page.on("request", (request) => {
		if (core.test(request.url())) seen.push(request.url());
	});
	return seen;
}

for (const locale of ["de", "en"] as const satisfies Locale[]) {
	const t = texts[locale];

	test(`${locale}: the picker comes without the simulator's core, fetched once the trainee turns to it`, async ({
		page,
	}) => {
		const fetched = coreRequests(page);
		await page.goto(`/${locale}/practice/`, { waitUntil: "networkidle" });
		await expect(page.getByRole("button", { name: t.ui.picker.start, exact: true })).toBeVisible();
		expect(fetched).toEqual([]);
		await page.getByRole("radio", { name: scenarioTitle("first-handover", locale) }).hover();
		await expect.poll(() => fetched.length).toBe(1);
		await new Trainee(page, locale).startPractice(
			scenarioTitle("first-handover", locale),
			"practice",
		);
	});
}

test("Start pressed before the core has arrived says it is loading, then opens the attempt", async ({
	page,
}) => {
	const t = texts.en;
	await page.route(core, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	await page.goto("/en/practice/");
	// Keyboard only: focusing Start begins the fetch, Enter comes long before it ends.
	await page.getByRole("button", { name: t.ui.picker.start, exact: true }).focus();
	await page.keyboard.press("Enter");
	await expect(page.getByRole("status").filter({ hasText: t.ui.common.loading })).toBeVisible();
	const trainee = new Trainee(page, "en");
	await expect(trainee.orderFrame).toBeVisible();
	await expect(page.getByRole("status").filter({ hasText: t.ui.common.loading })).toHaveCount(0);
});

test("when the core cannot be fetched, the trainee is told so and can reload", async ({ page }) => {
	const t = texts.de;
	await page.route(core, (route) => route.abort());
	await page.goto("/de/practice/");
	await page.getByRole("button", { name: t.ui.picker.start, exact: true }).click();
	const alert = page.getByRole("alert");
	await expect(alert).toContainText(t.ui.common.loadFailed);
	await page.unroute(core);
	await alert.getByRole("button", { name: t.ui.common.reload }).click();
	await new Trainee(page, "de").startPractice(scenarioTitle("first-handover", "de"), "practice");
});

test("an attempt under way is back after a reload, without touching the page", async ({ page }) => {
	const trainee = new Trainee(page, "de");
	await page.goto("/de/practice/");
	await trainee.startPractice(scenarioTitle("first-handover", "de"), "practice");
	const fetched = coreRequests(page);
	await page.reload();
	await expect(trainee.orderFrame).toBeVisible();
	expect(fetched.length).toBe(1);
});

test("an assessment asks for the trainee's name before it starts", async ({ page }) => {
	const t = texts.en;
	await page.goto("/en/practice/");
	await page.getByRole("radio", { name: new RegExp(`^${t.ui.modes.assessment.name} `) }).check();
	const name = page.getByLabel(t.ui.trainee.name);
	await expect(name).toHaveValue("");
	await page.getByRole("button", { name: t.ui.picker.start, exact: true }).click();
	await expect(page.getByText(t.ui.trainee.nameRequired)).toBeVisible();
	await expect(name).toBeFocused();
	await name.fill("Jana Beispiel");
	await page.getByRole("button", { name: t.ui.picker.start, exact: true }).click();
	await expect(new Trainee(page, "en").orderFrame).toBeVisible();
	// Remembered for the next assessment.
	await page.evaluate(() => localStorage.removeItem("staging-trainer:session:practice"));
	await page.reload();
	await page.getByRole("radio", { name: new RegExp(`^${t.ui.modes.assessment.name} `) }).check();
	await expect(page.getByLabel(t.ui.trainee.name)).toHaveValue("Jana Beispiel");
});

test("Start pressed before the name fields have arrived is not lost: the missing name is flagged", async ({
	page,
}) => {
	const t = texts.de;
	await page.route(/\/_astro\/TraineeFields\.[\w-]+\.js$/, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	await page.goto("/de/practice/");
	await page.getByRole("radio", { name: new RegExp(`^${t.ui.modes.assessment.name} `) }).check();
	await page.getByRole("button", { name: t.ui.picker.start, exact: true }).click();
	const name = page.getByLabel(t.ui.trainee.name);
	await expect(name).toHaveAttribute("aria-invalid", "true");
	await expect(name).toBeFocused();
	await expect(page.getByText(t.ui.trainee.nameRequired)).toBeVisible();
});

test("a tab left on the picker follows an attempt started in another tab", async ({ context }) => {
	const waiting = await context.newPage();
	await waiting.goto("/en/practice/", { waitUntil: "networkidle" });
	const starting = await context.newPage();
	await starting.goto("/en/practice/");
	await new Trainee(starting, "en").startPractice(scenarioTitle("bottling-line", "en"), "practice");
	const other = new Trainee(waiting, "en");
	await expect(other.orderFrame).toBeVisible();
	await expect(
		waiting.getByRole("heading", { name: scenarioTitle("bottling-line", "en") }),
	).toBeVisible();
});
