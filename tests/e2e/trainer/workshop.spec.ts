import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import cohortDe from "../../../src/i18n/cohort-de.json" with { type: "json" };
import cohortEn from "../../../src/i18n/cohort-en.json" with { type: "json" };
import { createTranslator } from "../../../src/i18n/i18n-core.ts";
import { replay } from "../../../src/simulator/model/replay.ts";
import { nextAction, read, type ShownSection } from "../../../src/simulator/proofs/brief-solver.ts";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import type { Scenario } from "../../../src/simulator/scenarios/schema.ts";
import { startAt } from "../../../src/simulator/scenarios/start.ts";
import { Trainee, scenarioTitle, texts, type Locale } from "../simulator/driver.ts";
import { trainerPassword, uniqueCohort } from "./support.ts";

/**
 * The scenario workshop as a trainer uses it: a copy of a built-in scenario, changed in the
 * editor until its proofs pass, tried in a preview, published, assigned to a cohort and passed by
 * a trainee who reads only the brief and the requirements table; then a second version that
 * leaves the first trainee's attempt on the version it was made on.
 */

const cohortTexts = { de: cohortDe, en: cohortEn } as const;
const base = getScenario("bottling-line")!;

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
		.analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
	).toEqual([]);
}

async function signedIn(browser: Browser, locale: Locale) {
	const t = texts[locale];
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/${locale}/trainer/scenarios/`);
	await page.getByLabel(t.trainer.login.email).fill("admin");
	await page.getByLabel(t.trainer.login.password).fill(trainerPassword);
	await page.getByRole("button", { name: t.trainer.login.submit }).click();
	await expect(
		page.getByRole("heading", { level: 1, name: t.trainer.scenarios.title }),
	).toBeVisible();
	return { context, page };
}

/** The requirements as the page shows them (the same reading as the fairness spec's). */
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

/** The saved session of the practice page, with the trainer's scenario it keeps. */
async function session(page: Page) {
	const raw = await page.evaluate(() => localStorage.getItem("staging-trainer:session:practice"));
	return JSON.parse(raw ?? "null") as {
		attempt: { id: string; scenario: { id: string; seed: number; version?: number }; events: [] };
		own?: { scenario: Scenario; version?: number };
	};
}

for (const locale of ["de", "en"] as const) {
	test(`a trainer's own scenario from a copy to a trainee's 100, then version 2 (${locale})`, async ({
		browser,
	}) => {
		test.setTimeout(300_000);
		const t = texts[locale];
		const s = t.trainer.scenarios;
		const c = cohortTexts[locale];
		// Hostile text in the title, which every page shows: as text, never as markup.
		const title = `Pharma <img src=x onerror=alert(1)> & "${uniqueCohort()}"`;
		const dialogs: string[] = [];

		// A copy of "Bottling line", renamed, with a third label template and a shared mailbox
		// that receives the notifications too.
		const { page, context: trainerContext } = await signedIn(browser, locale);
		trainerContext.on("dialog", (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await page
			.getByLabel(s.copyFrom)
			.selectOption({ label: scenarioTitle("bottling-line", locale) });
		await page.getByRole("button", { name: s.start, exact: true }).click();
		const editor = page.url();
		await expect(page.getByRole("heading", { name: s.proofsTitle })).toBeVisible();
		const texts_ = page.getByRole("group", { name: s.languages[locale] });
		await texts_.getByLabel(s.fields.title, { exact: true }).fill(title);
		await page.getByRole("button", { name: s.add.labels }).click();
		const third = page.getByRole("group", { name: `${s.items.labels} 3` });
		await third.getByLabel(s.fields.name, { exact: true }).fill("Beipackzettel");
		await third.getByLabel(s.fields.widthMm).fill("80");
		await third.getByLabel(s.fields.heightMm).fill("40");
		await third.getByLabel(s.fields.printer).fill("Zebra ZT411 Pharma");
		await third.getByLabel(s.fields.fields).fill("Charge\nPZN");
		await page.getByRole("button", { name: s.add.mailboxes }).click();
		const mailbox = page.getByRole("group", { name: `${s.items.mailboxes} 1` });
		await mailbox.getByLabel(s.fields.key).fill("qa");
		await mailbox.getByLabel(s.fields.email).fill(`qa@${base.customer.domain}`);
		await page.getByRole("button", { name: s.save }).first().click();
		await expect(page.getByRole("status")).toHaveText(s.saved);
		await page
			.getByRole("group", { name: s.fields.recipients })
			.getByRole("checkbox", { name: `qa@${base.customer.domain} (qa)` })
			.check();
		await page.getByRole("button", { name: s.save }).first().click();

		// Every proof passes; the panel says so.
		const proofs = page.getByRole("complementary", { name: s.proofsTitle });
		await expect(
			proofs.getByText(`${s.proofs.schema.name}: ${s.proofStatus.passed}`),
		).toBeVisible();
		await expect(proofs.getByText(s.proofStatus.passed, { exact: true })).toHaveCount(4);
		await axe(page);

		// Tried in a preview: practice only, nothing stored in the browser.
		const [preview] = await Promise.all([
			page.context().waitForEvent("page"),
			page.getByRole("link", { name: s.preview }).click(),
		]);
		const tryer = new Trainee(preview, locale);
		await expect(preview.getByText(t.ui.preview.note)).toBeVisible();
		await expect(preview.getByRole("radio", { name: title })).toBeChecked();
		await expect(
			preview.getByRole("radio", { name: new RegExp(`^${t.ui.modes.assessment.name} `) }),
		).toHaveCount(0);
		await tryer.startPractice(title, "demo");
		// The demo plays the draft's reference solution on the real screens.
		await expect(preview.getByRole("group", { name: t.ui.demo.controls })).toBeVisible();
		await expect(tryer.cc).toBeVisible({ timeout: 30_000 });
		await preview.reload();
		await expect(preview.getByRole("radio", { name: title })).toBeChecked();
		await tryer.startPractice(title, "practice");
		await expect(tryer.orderFrame).toBeVisible();
		expect(
			await preview.evaluate(() =>
				Object.keys(localStorage).filter((k) => k.startsWith("staging-trainer:session:")),
			),
		).toEqual([]);
		await preview.close();

		// Published as version 1, offered to everyone on the practice page, and assigned to a cohort.
		await page.getByRole("button", { name: s.publish }).click();
		await expect(page.getByRole("status")).toHaveText(s.published.replace("{{version}}", "1"));
		await page.getByRole("checkbox", { name: s.publicLabel }).check();
		await page.getByRole("button", { name: s.save }).first().click();
		await expect(page.getByRole("status")).toHaveText(s.saved);
		const visitor = await browser.newContext();
		const free = await visitor.newPage();
		await free.goto(`/${locale}/practice/`);
		await expect(free.getByRole("radio", { name: title })).toBeVisible();
		await visitor.close();
		await page.goto(`/${locale}/trainer/cohorts/new/`);
		const cohortName = `Kohorte ${uniqueCohort()}`;
		await page.getByLabel(t.trainer.cohorts.name, { exact: true }).fill(cohortName);
		await page.getByRole("checkbox", { name: title }).check();
		await page.getByRole("button", { name: t.trainer.cohorts.create }).click();
		await expect(page.getByRole("status")).toHaveText(t.trainer.cohorts.created);
		const cohortPage = page.url();
		const code = (await page.locator(".trainer-code").textContent())?.trim() ?? "";

		// A trainee joins and works only from the brief and the requirements table.
		const context = await browser.newContext();
		context.on("dialog", (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		const tp = await context.newPage();
		const trainee = new Trainee(tp, locale);
		await tp.goto(`/${locale}/practice/`);
		await tp.getByRole("button", { name: t.ui.picker.joinCohort }).click();
		await tp.getByLabel(c.code, { exact: true }).fill(code);
		await tp.getByLabel(c.name, { exact: true }).fill("Jana Beispiel");
		await tp.getByRole("button", { name: c.join, exact: true }).click();
		await expect(tp.getByRole("radio", { name: title })).toBeChecked();
		await tp.getByRole("button", { name: c.start, exact: true }).click();
		await expect(trainee.orderFrame).toBeVisible();
		const started = await session(tp);
		expect(started.attempt.scenario.version).toBe(1);
		const own = started.own!.scenario;
		const reading = read(await shownTable(tp), createTranslator(t));
		const start = startAt(own, started.attempt.scenario.seed).state;
		for (let i = 0; i < 60; i++) {
			const now = await session(tp);
			const state = replay(start, now.attempt.events).state;
			const action = nextAction(reading, state);
			if (action === null) break;
			await trainee.perform(action, state);
		}
		await trainee.finish();
		await expect(
			tp.getByText(t.ui.submit.saved.replace("{{score}}", "100").replace("{{max}}", "100")),
		).toBeVisible();
		const attemptId = (await session(tp)).attempt.id;
		const attempt = (await session(tp)).attempt;
		await context.close();

		// The cohort page counts it as passed, and names the scenario as text.
		await page.goto(cohortPage);
		await expect(page.getByText(title).first()).toBeVisible();
		expect(await page.locator("img[src=x]").count()).toBe(0);
		await expect(
			page
				.getByRole("row", { name: /Jana Beispiel/ })
				.getByText(t.trainer.cohorts.traineeStates.passed),
		).toBeVisible();

		// Version 2 wants another printer for the third template.
		await page.goto(editor);
		await page
			.getByRole("group", { name: `${s.items.labels} 3` })
			.getByLabel(s.fields.printer)
			.fill("Zebra ZT610 Pharma");
		await page.getByRole("button", { name: s.publish }).click();
		await expect(page.getByRole("status")).toHaveText(s.published.replace("{{version}}", "2"));
		const versions = page.getByRole("region", { name: s.versionsTitle }).getByRole("listitem");
		await expect(versions).toHaveCount(2);
		// Newest first.
		const versionLabel = (n: number) => s.versionPublished.split("{{version}}")[0] + String(n);
		await expect(versions.first()).toContainText(versionLabel(2));
		await expect(versions.last()).toContainText(versionLabel(1));

		// The first attempt stays on version 1 and keeps its 100; the same log is regraded against
		// version 1 whenever it comes in again, and would not pass version 2.
		const stored = (await (await page.request.get(`/api/attempts/${attemptId}`)).json()) as {
			scenarioVersion: number;
			score: number;
		};
		expect(stored).toMatchObject({ scenarioVersion: 1, score: 100 });
		const again = await page.request.post("/api/attempts", {
			data: { ...attempt, id: `${attemptId}-again`, trainee: { name: "Nochmal", cohort: "" } },
		});
		expect(((await again.json()) as { grade: { score: number } }).grade.score).toBe(100);
		const onSecond = await page.request.post("/api/attempts", {
			data: {
				...attempt,
				id: `${attemptId}-v2`,
				scenario: { ...attempt.scenario, version: 2 },
				trainee: { name: "Version zwei", cohort: "" },
			},
		});
		expect(((await onSecond.json()) as { grade: { score: number } }).grade.score).toBeLessThan(100);
		expect(dialogs).toEqual([]);
	});

	test(`two trainers on one draft: the later save is refused and keeps what was typed (${locale})`, async ({
		browser,
	}) => {
		const s = texts[locale].trainer.scenarios;
		const first = await signedIn(browser, locale);
		await first.page
			.getByLabel(s.copyFrom)
			.selectOption({ label: scenarioTitle("first-handover", locale) });
		await first.page.getByRole("button", { name: s.start, exact: true }).click();
		const editor = first.page.url();
		const second = await signedIn(browser, locale);
		await second.page.goto(editor);
		const title = (page: Page) =>
			page
				.getByRole("group", { name: s.languages[locale] })
				.getByLabel(s.fields.title, { exact: true });
		await title(first.page).fill("Fassung A");
		await first.page.getByRole("button", { name: s.save }).first().click();
		await expect(first.page.getByRole("status")).toHaveText(s.saved);
		await title(second.page).fill("Fassung B");
		await second.page.getByRole("button", { name: s.save }).first().click();
		await expect(second.page.getByRole("alert")).toContainText(s.conflict);
		await expect(title(second.page)).toHaveValue("Fassung B");
		// Saved again on purpose, B replaces A; A's page then shows the conflict in turn.
		await second.page.getByRole("button", { name: s.save }).first().click();
		await expect(second.page.getByRole("status")).toHaveText(s.saved);
		await first.page.getByRole("button", { name: s.save }).first().click();
		await expect(first.page.getByRole("alert")).toContainText(s.conflict);
		await first.page.getByRole("link", { name: s.reload }).click();
		await expect(title(first.page)).toHaveValue("Fassung B");
	});

	test(`an unfair draft is refused with each problem at its field, and hostile text stays text (${locale})`, async ({
		browser,
	}) => {
		test.setTimeout(120_000);
		const t = texts[locale];
		const s = t.trainer.scenarios;
		const { page } = await signedIn(browser, locale);
		const dialogs: string[] = [];
		page.on("dialog", (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await page
			.getByLabel(s.copyFrom)
			.selectOption({ label: scenarioTitle("warehouse-integrations", locale) });
		await page.getByRole("button", { name: s.start, exact: true }).click();
		const xss = `<img src=x onerror=alert(1)>"'&<script>alert(2)</script>`;
		const group = (name: string) => page.getByRole("group", { name, exact: true });
		await group(s.languages[locale])
			.getByLabel(s.fields.title, { exact: true })
			.fill(`Titel ${xss}`);
		await group(s.languages[locale]).getByLabel(s.fields.brief).fill(`Für {{company}}. ${xss}`);
		// A configuration naming a label template the scenario does not have.
		await group(`${s.items.configurations} 1`).getByLabel(s.fields.label).fill("Gibt es nicht");
		// A recipient without an address.
		await group(`${s.items.mailboxes} 1`).getByLabel(s.fields.email).fill("");
		// A colleague with no access role.
		for (const box of await group(`${s.items.users} 1`)
			.getByRole("checkbox", { checked: true })
			.all()) {
			await box.uncheck();
		}
		await group(`${s.items.labels} 1`).getByLabel(s.fields.printer).fill(xss);
		await page.getByRole("button", { name: s.publish }).click();
		await expect(page.getByRole("alert")).toContainText(s.unproved);
		const problem = (name: string) => page.locator(`#f-${name}-error`);
		await expect(problem("configurations-0-label")).toHaveText(
			s.problems["label-unknown"].replace("{{name}}", "Gibt es nicht"),
		);
		await expect(problem("mailboxes-0-email")).toContainText(
			s.problems["address-invalid"].split("{{")[0]!,
		);
		await expect(problem("users-0-roles")).toHaveText(s.problems.required);
		await expect(page.getByLabel(s.fields.printer).first()).toHaveValue(xss);
		await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Titel ${xss}`);
		expect(await page.title()).toContain(`Titel ${xss}`);
		await axe(page);
		expect(dialogs).toEqual([]);
	});
}
