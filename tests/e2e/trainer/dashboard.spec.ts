import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { texts } from "./texts.ts";
import { encodeCompletionCode } from "../../../src/simulator/attempt/completion-code.ts";
import { referenceAttempt, scriptName, signIn, trainerPassword, uniqueCohort } from "./support.ts";

const de = texts("de");
const en = texts("en");

async function signInWithForm(page: Page, path: string) {
	// Sent to the sign-in page (200, no console error), which brings the trainer back.
	const response = await page.goto(path);
	expect(response?.status()).toBe(200);
	expect(new URL(page.url()).pathname).toBe("/de/trainer/login/");
	await expect(page.getByText(de("trainer.login.required"))).toBeVisible();
	await page.getByLabel(de("trainer.login.email")).fill("admin");
	await page.getByLabel(de("trainer.login.password")).fill(trainerPassword);
	await page.getByRole("button", { name: de("trainer.login.submit") }).click();
	await expect(page).toHaveURL(path);
}

test("a trainer sees a trainee's attempt with the server's score and findings, also in the CSV", async ({
	browser,
}) => {
	const cohort = uniqueCohort();
	const attempt = referenceAttempt({
		hintsUsed: 2,
		claimedScore: 100,
		trainee: { name: "Jana Beispiel", cohort },
	});
	// The trainee, in a browser of their own. (The simulator's Finish button sends the same request.)
	const trainee = await browser.newContext();
	expect((await trainee.request.post("/api/attempts", { data: attempt })).status()).toBe(201);
	await trainee.close();

	const context = await browser.newContext({ acceptDownloads: true });
	const page = await context.newPage();
	await signInWithForm(page, `/de/trainer/?cohort=${cohort}`);
	const row = page.getByRole("row", { name: /Jana Beispiel/ });
	await expect(row.getByRole("cell").nth(3)).toHaveText("96");
	await expect(row).toContainText(de("grading.passed"));

	await row.getByRole("link", { name: "Jana Beispiel" }).click();
	await expect(page.getByRole("heading", { level: 1 })).toHaveText(
		de("trainer.attempt.title", { name: "Jana Beispiel" }),
	);
	await expect(page.getByText(de("grading.score", { score: 96, max: 100 }))).toBeVisible();
	// The same explanation the trainee saw for the finding.
	await expect(page.getByText(de("findings.hints-used", { count: 2, points: 2 }))).toBeVisible();
	const timeline = page.getByRole("table", { name: de("trainer.attempt.timeline") });
	await expect(timeline.getByRole("row")).toHaveCount(attempt.events.length + 1);
	await expect(timeline).toContainText(de("actions.order-account"));

	await page.goto(`/de/trainer/?cohort=${cohort}`);
	const download = page.waitForEvent("download");
	await page.getByRole("link", { name: de("trainer.list.csv") }).click();
	const csv = readFileSync((await (await download).path())!);
	expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = csv.subarray(3).toString("utf8").trim().split("\r\n");
	expect(lines).toHaveLength(2);
	expect(lines[1]).toContain(`${attempt.id};`);
	expect(lines[1]).toContain(`;${cohort};Jana Beispiel;first-handover;3;;assessment;de;96;1;`);
	await context.close();
});

test("imported completion codes and files: honest ones count, an altered one is flagged", async ({
	page,
}) => {
	await signIn(page.request);
	const cohort = uniqueCohort();
	const honest = referenceAttempt({
		hintsUsed: 1,
		claimedScore: 98,
		trainee: { name: "Ola Offline", cohort },
	});
	const file = referenceAttempt({ claimedScore: 100, trainee: { name: "Fiona File", cohort } });
	const forged = referenceAttempt({
		events: [],
		claimedScore: 100,
		trainee: { name: "Fritz Forger", cohort },
	});
	const codes = [await encodeCompletionCode(honest), await encodeCompletionCode(forged)];

	await page.goto("/en/trainer/import/");
	await page.getByLabel(en("trainer.import.codes")).fill(codes.join("\n\n"));
	await page.getByLabel(en("trainer.import.files")).setInputFiles({
		name: "fiona.json",
		mimeType: "application/json",
		buffer: Buffer.from(JSON.stringify(file, null, 2)),
	});
	await page.getByRole("button", { name: en("trainer.import.submit") }).click();

	const results = page.getByRole("table", { name: en("trainer.import.resultsCaption") });
	const row = (label: string) => results.getByRole("row", { name: new RegExp(label) });
	await expect(row("fiona.json")).toContainText(en("trainer.import.imported"));
	await expect(row("Code 1")).toContainText(en("trainer.import.imported"));
	await expect(row("Code 1")).toContainText("Ola Offline");
	await expect(row("Code 2")).toContainText(en("trainer.import.altered"));
	const regraded = Number(await row("Code 2").getByRole("cell").nth(3).textContent());
	expect(regraded).toBeLessThan(100);
	await expect(row("Code 2")).toContainText(
		en("trainer.problems.score-differs", { claimed: 100, score: regraded }),
	);

	// Altered attempts are listed, flagged, and left out of the summary.
	await page.goto(`/en/trainer/?cohort=${cohort}`);
	await expect(page.getByRole("row", { name: /Fritz Forger/ })).toContainText(
		en("trainer.list.altered"),
	);
	await page.goto(`/en/trainer/summary/?cohort=${cohort}`);
	const stat = (name: string) => page.locator(".trainer-stats div", { hasText: en(name) });
	await expect(stat("trainer.summary.counted").locator("dd")).toHaveText("2");
	await expect(stat("trainer.summary.excluded").locator("dd")).toHaveText("1");
	await expect(stat("trainer.summary.passRate").locator("dd")).toHaveText("100%");
	await expect(stat("trainer.summary.average").locator("dd")).toHaveText("99");
});

test("a trainee named <img src=x onerror=alert(1)> shows as text on every trainer page", async ({
	page,
}) => {
	const dialogs: string[] = [];
	page.on("dialog", (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	await signIn(page.request);
	const cohort = `<script>alert(2)</script>${uniqueCohort()}`;
	const submitted = referenceAttempt({ trainee: { name: scriptName, cohort } });
	expect((await page.request.post("/api/attempts", { data: submitted })).status()).toBe(201);

	const expectText = async () => {
		// Visible text only: another test's scenario may carry the same payload in a filter's options.
		await expect(
			page.getByText(scriptName, { exact: false }).filter({ visible: true }).first(),
		).toBeVisible();
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		expect(await page.locator("script", { hasText: "alert(" }).count()).toBe(0);
	};
	for (const locale of ["de", "en"] as const) {
		const query = `?cohort=${encodeURIComponent(cohort)}`;
		for (const path of [
			`/${locale}/trainer/${query}`,
			`/${locale}/trainer/attempts/${submitted.id}/`,
		]) {
			await page.goto(path);
			await expectText();
		}
		await page.goto(`/${locale}/trainer/summary/${query}`);
		await expect(page.getByRole("link", { name: cohort, exact: true })).toBeVisible();
		expect(await page.locator("script", { hasText: "alert(" }).count()).toBe(0);
	}
	await page.goto("/de/trainer/import/");
	const imported = referenceAttempt({ trainee: { name: scriptName, cohort } });
	await page.getByLabel(de("trainer.import.codes")).fill(await encodeCompletionCode(imported));
	await page.getByRole("button", { name: de("trainer.import.submit") }).click();
	await expectText();
	expect(dialogs).toEqual([]);
});

test("signing out ends the session; a wrong password is refused", async ({ page }) => {
	await page.goto("/de/trainer/login/");
	await page.getByLabel(de("trainer.login.email")).fill("admin");
	await page.getByLabel(de("trainer.login.password")).fill("not the password");
	await page.getByRole("button", { name: de("trainer.login.submit") }).click();
	await expect(page.getByText(de("trainer.login.wrong"))).toBeVisible();

	await page.getByLabel(de("trainer.login.email")).fill("admin");
	await page.getByLabel(de("trainer.login.password")).fill(trainerPassword);
	await page.getByRole("button", { name: de("trainer.login.submit") }).click();
	await expect(page).toHaveURL("/de/trainer/");
	await page.getByRole("button", { name: de("trainer.nav.logout") }).click();
	await expect(page.getByText(de("trainer.login.loggedOut"))).toBeVisible();
	const response = await page.goto("/de/trainer/");
	expect(response?.status()).toBe(200);
	await expect(page).toHaveURL("/de/trainer/login/");
	await expect(page.getByLabel(de("trainer.login.password"))).toBeVisible();
});

test("trainer pages are a dashboard: their own stylesheet, no guide sidebar, names on at most two lines at 1280 px", async ({
	page,
}) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	const cohort = uniqueCohort();
	const attempt = referenceAttempt({
		scenario: { id: "warehouse-integrations", seed: 2 },
		trainee: { name: "Maximiliane Königsberger-Ostermann", cohort: `${cohort} Lager Nord` },
	});
	expect((await page.request.post("/api/attempts", { data: attempt })).status()).toBe(201);
	await signIn(page.request);
	for (const locale of ["en", "de"] as const) {
		const sheet = page.waitForResponse((r) => r.url().endsWith("/trainer.css"));
		await page.goto(`/${locale}/trainer/?cohort=${encodeURIComponent(attempt.trainee!.cohort)}`);
		if (locale === "en") expect((await sheet).status()).toBe(200);
		await expect(page.locator("html")).not.toHaveAttribute("data-has-sidebar");
		// The whole table in view: no column pushed out to the right.
		const table = page.getByRole("table");
		const [scroll, client] = await table.evaluate((el) => [el.scrollWidth, el.clientWidth]);
		expect(scroll, locale).toBeLessThanOrEqual(client);
		const row = page.getByRole("row", { name: /Maximiliane/ });
		await expect(row).toContainText(texts(locale)("scenarios.warehouse-integrations.title"));
		// The names in the row: the trainee's, the cohort's and the scenario's title.
		const cells = row.locator("th, td");
		for (const cell of [cells.nth(0), cells.nth(1), cells.nth(2)]) {
			// Lines of the cell's text (not of the cell, which is as tall as the row's tallest).
			const lines = await cell.evaluate((el) => {
				const range = document.createRange();
				range.selectNodeContents(el);
				return new Set([...range.getClientRects()].map((r) => Math.round(r.bottom))).size;
			});
			expect(lines, await cell.innerText()).toBeLessThanOrEqual(2);
		}
	}
});
