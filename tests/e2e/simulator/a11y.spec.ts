import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { Trainee, storedAttempt, type Locale, scenarioTitle } from "./driver.ts";
import { reference } from "./reference.ts";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

async function axe(page: Page, what: string) {
	const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
	expect(
		results.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
	).toEqual([]);
}

for (const locale of ["de", "en"] as Locale[]) {
	for (const theme of ["light", "dark"] as const) {
		test(`axe finds nothing in the simulator (${locale}, ${theme})`, async ({ page }) => {
			test.setTimeout(90_000);
			await page.addInitScript((t) => localStorage.setItem("starlight-theme", t), theme);
			const trainee = new Trainee(page, locale);
			const t = trainee.t;
			await page.goto(`/${locale}/practice/`);
			await expect(
				page.getByRole("button", { name: t.ui.picker.start, exact: true }),
			).toBeVisible();
			await axe(page, "picker");

			await trainee.startPractice(scenarioTitle("first-handover", locale), "practice");
			await axe(page, "order form");
			const { attempt } = await storedAttempt(page);
			const solution = reference(attempt.scenario.id, attempt.scenario.seed);
			await trainee.performAll(solution.start, solution.events.slice(0, 2));

			await trainee.nav(t.ui.nav.users);
			await trainee.press(trainee.button(trainee.cc, t.ui.users.invite));
			const invite = trainee.dialog(t.ui.users.invite);
			await expect(invite).toBeVisible();
			// A refused invitation shows its field errors; they must be accessible too.
			await trainee.press(trainee.button(invite, t.ui.users.inviteButton));
			await expect(invite.locator("[aria-invalid=true]").first()).toBeVisible();
			await axe(page, "invite dialog");
			await page.keyboard.press("Escape");
			await expect(invite).toBeHidden();

			await trainee.nav(t.ui.nav.accountInformation);
			await trainee.press(trainee.button(trainee.cc, t.ui.account.editRecipients));
			await expect(trainee.dialog(t.ui.account.recipientsWindow)).toBeVisible();
			await axe(page, "recipients window");
			await page.keyboard.press("Escape");

			await trainee.finish();
			await axe(page, "results");
		});
	}
}

for (const locale of ["de", "en"] as Locale[]) {
	for (const theme of ["light", "dark"] as const) {
		test(`axe finds nothing while the demo fills a dialog (${locale}, ${theme})`, async ({
			page,
		}) => {
			test.setTimeout(90_000);
			await page.emulateMedia({ reducedMotion: "reduce" });
			await page.addInitScript((t) => localStorage.setItem("starlight-theme", t), theme);
			const trainee = new Trainee(page, locale);
			const t = trainee.t;
			await page.goto(`/${locale}/practice/`);
			await trainee.startPractice(scenarioTitle("first-handover", locale), "demo");
			const controls = page.getByRole("group", { name: t.ui.demo.controls });
			const pace = controls.getByLabel(t.ui.demo.pace);
			await pace.selectOption({ label: t.ui.demo.paces.fast });
			await pace.focus();
			// The order form being typed, then the label dialog open and filling.
			await axe(page, "demo on the order form");
			const dialog = trainee.dialog(t.ui.documents.create);
			await expect(dialog).toBeVisible({ timeout: 30_000 });
			// The dialog the demo opens does not take the focus from the demo's controls.
			await expect(pace).toBeFocused();
			await controls.getByRole("button", { name: t.ui.demo.pause }).click();
			await axe(page, "demo with a dialog open");
		});
	}
}

test("dialogs keep focus inside, close on Escape and return focus to their button", async ({
	page,
}) => {
	const trainee = new Trainee(page, "en");
	const t = trainee.t;
	await page.goto("/en/practice/");
	await trainee.startPractice(scenarioTitle("first-handover", "en"), "practice");
	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events.slice(0, 1));
	await trainee.nav(t.ui.nav.users);
	const opener = trainee.button(trainee.cc, t.ui.users.invite);
	await opener.focus();
	await page.keyboard.press("Enter");
	const dialog = trainee.dialog(t.ui.users.invite);
	await expect(dialog.getByLabel(t.fields.firstName)).toBeFocused();
	// The dialog sits in the middle of the window, not in a corner.
	const box = (await dialog.boundingBox())!;
	const viewport = page.viewportSize()!;
	expect(Math.abs(box.x + box.width / 2 - viewport.width / 2)).toBeLessThan(8);
	for (let i = 0; i < 25; i++) {
		await page.keyboard.press("Tab");
		expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
	}
	for (let i = 0; i < 5; i++) {
		await page.keyboard.press("Shift+Tab");
		expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
	}
	await page.keyboard.press("Escape");
	await expect(dialog).toBeHidden();
	await expect(opener).toBeFocused();
});

test("text that looks like HTML is shown as text, and bad input gets a field message", async ({
	page,
}) => {
	const trainee = new Trainee(page, "de");
	const t = trainee.t;
	await page.goto("/de/practice/");
	await trainee.startPractice(scenarioTitle("first-handover", "de"), "practice");
	const order = trainee.orderFrame;
	const html = "<img src=x onerror=alert(1)>";
	await trainee.fill(order.getByLabel(t.fields.accountName), html);
	await trainee.fill(order.getByLabel(t.fields.contactEmail), "kein at zeichen");
	await trainee.press(trainee.button(order, t.ui.order.submit));
	const email = order.getByLabel(t.fields.contactEmail);
	await expect(email).toHaveAttribute("aria-invalid", "true");
	await expect(email).toBeFocused();
	const describedBy = await email.getAttribute("aria-describedby");
	await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(t.refusals["email-spaces"]);
	await trainee.fill(email, "partner@example.com");
	await trainee.press(trainee.button(order, t.ui.order.submit));
	await expect(trainee.cc.getByText(html, { exact: true })).toBeVisible();
	await expect(page.locator("img[src=x]")).toHaveCount(0);
});

/** How far the Control Center's table, if one is shown, would need to scroll sideways. */
function tableOverflow(page: Page): Promise<number> {
	return page.evaluate(() => {
		const wrap = document.querySelector<HTMLElement>(".st-cc .st-table-wrap");
		return wrap ? wrap.scrollWidth - wrap.clientWidth : 0;
	});
}

for (const width of [768, 1920]) {
	test(`at ${width} px nothing needs sideways scrolling`, async ({ page }) => {
		test.setTimeout(90_000);
		await page.setViewportSize({ width, height: 900 });
		const trainee = new Trainee(page, "de");
		await page.goto("/de/practice/");
		await trainee.startPractice(scenarioTitle("bottling-line", "de"), "practice");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await trainee.performAll(solution.start, solution.events);
		for (const page_ of [trainee.t.ui.nav.users, trainee.t.ui.nav.documents]) {
			await trainee.nav(page_);
			expect(await tableOverflow(page), page_).toBe(0);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width,
		);
	});
}

test("the simulator is usable at 320 px", async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	const trainee = new Trainee(page, "en");
	await page.goto("/en/practice/");
	await trainee.startPractice(scenarioTitle("first-handover", "en"), "practice");
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(320);
	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events);
	// The Users list becomes stacked rows, each value with its column name: nothing to scroll.
	await trainee.nav(trainee.t.ui.nav.users);
	const overflow = await page.evaluate(() => {
		const wrap = document.querySelector<HTMLElement>(".st-table-wrap")!;
		return wrap.scrollWidth - wrap.clientWidth;
	});
	expect(overflow).toBe(0);
	await expect(trainee.cc.locator('td[data-label="E-mail"]').first()).toBeVisible();
	// So do the label templates.
	await trainee.nav(trainee.t.ui.nav.documents);
	expect(await tableOverflow(page)).toBe(0);
	await expect(trainee.cc.locator('td[data-label="Printer"]').first()).toBeVisible();
	await trainee.finish();
	await expect(
		page.getByText(trainee.t.grading.score.replace("{{score}}", "100").replace("{{max}}", "100"), {
			exact: true,
		}),
	).toBeVisible();
});

test("the brief and helpers can be hidden to give the Control Center the whole width, and come back", async ({
	page,
}) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	const trainee = new Trainee(page, "en");
	const t = trainee.t;
	await page.goto("/en/practice/");
	await trainee.startPractice(scenarioTitle("first-handover", "en"), "practice");
	const order = trainee.orderFrame;
	const before = (await order.boundingBox())!.width;
	const toggle = page.getByRole("button", { name: t.ui.panel.hide });
	await expect(toggle).toHaveAttribute("aria-expanded", "true");
	await trainee.press(toggle);
	await expect(page.getByRole("heading", { name: t.ui.panel.brief })).toBeHidden();
	// Finishing and discarding stay at hand.
	await expect(page.getByRole("button", { name: t.ui.sim.finish })).toBeVisible();
	expect((await order.boundingBox())!.width).toBeGreaterThan(before + 200);
	const show = page.getByRole("button", { name: t.ui.panel.show });
	await expect(show).toHaveAttribute("aria-expanded", "false");
	await trainee.press(show);
	await expect(page.getByRole("heading", { name: t.ui.panel.brief })).toBeVisible();
	await axe(page, "workspace");
});

test("at 1280 px the Control Center gets the room of a workspace and the Users table fits", async ({
	page,
}) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 1280, height: 900 });
	const trainee = new Trainee(page, "de");
	await page.goto("/de/practice/");
	// A workspace, not a prose page: no guide sidebar, and a way back to the guide.
	await expect(page.locator("#starlight__sidebar")).toHaveCount(0);
	await expect(page.getByRole("link", { name: /Zurück zum Leitfaden/ })).toHaveAttribute(
		"href",
		"/de/staging/",
	);
	await trainee.startPractice(scenarioTitle("multi-site-erp", "de"), "practice");
	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events);
	await trainee.nav(trainee.t.ui.nav.users);
	const sizes = await page.evaluate(() => {
		const wrap = document.querySelector<HTMLElement>(".st-table-wrap")!;
		return {
			cc: document.querySelector(".st-cc")!.getBoundingClientRect().width,
			overflow: wrap.scrollWidth - wrap.clientWidth,
		};
	});
	expect(sizes.cc).toBeGreaterThanOrEqual(768);
	expect(sizes.overflow).toBe(0);
});
