import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import cohortDe from "../../../src/i18n/cohort-de.json" with { type: "json" };
import cohortEn from "../../../src/i18n/cohort-en.json" with { type: "json" };
import { Trainee, storedAttempt, texts } from "../simulator/driver.ts";
import { reference } from "../simulator/reference.ts";
import { pdfText } from "../../unit/support/pdf-text.ts";
import { expectNoRawKeys } from "../raw-keys.ts";
import { signIn } from "./support.ts";

/**
 * A certificate from passing to checking it: the trainee passes the cohort's assessment and
 * downloads the PDF in their language; its verification page confirms it without signing in; an
 * altered code is refused; the trainer downloads the same certificate from the cohort page.
 */

const cohortTexts = { de: cohortDe, en: cohortEn } as const;

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
		.analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
}
const scenarioId = "first-handover";
const name = "Łukasz Ødegård-Yılmaz";

for (const locale of ["de", "en"] as const) {
	test(`a trainee who passes gets a certificate that verifies; an altered code does not (${locale})`, async ({
		browser,
		page,
	}) => {
		test.setTimeout(120_000);
		const t = texts[locale];
		const c = cohortTexts[locale];
		await signIn(page.request);
		const day = new Date().toISOString().slice(0, 10);
		const created = await page.request.post("/api/cohorts", {
			data: {
				name: `Zertifikate ${locale}`,
				scenarios: [scenarioId],
				sameSeed: true,
				opensOn: day,
				closesOn: day,
				certificate: true,
			},
		});
		expect(created.status()).toBe(201);
		const cohort = (await created.json()) as { id: string; code: string };

		// The trainee joins, passes the assessment and is offered the certificate.
		const context = await browser.newContext();
		const trainee = await context.newPage();
		const driver = new Trainee(trainee, locale);
		await trainee.goto(`/${locale}/practice/`);
		await trainee.getByRole("button", { name: driver.t.ui.picker.joinCohort }).click();
		await trainee.getByLabel(c.code, { exact: true }).fill(cohort.code);
		await trainee.getByLabel(c.name, { exact: true }).fill(name);
		await trainee.getByRole("button", { name: c.join, exact: true }).click();
		await expect(trainee.getByLabel(c.code, { exact: true })).toHaveCount(0);
		await trainee.getByRole("button", { name: c.start, exact: true }).click();
		await expect(driver.orderFrame).toBeVisible();
		const { attempt } = await storedAttempt(trainee);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await driver.performAll(solution.start, solution.events);
		await driver.finish();
		const [download] = await Promise.all([
			trainee.waitForEvent("download"),
			trainee.getByRole("link", { name: t.ui.submit.certificate }).click(),
		]);
		const pdf = await pdfText(new Uint8Array(readFileSync(await download.path())));
		expect(pdf.text).toContain(name);
		expect(pdf.text).toContain(t.certificate.title);
		const code = /([2-9A-Z]{4}(?:-[2-9A-Z]{4}){3})/.exec(pdf.text)?.[1] ?? "";
		expect(code).not.toBe("");
		expect(pdf.text).toContain(
			t.certificate.details
				.replace(/.*\{\{score\}\}/, "100")
				.replace("{{max}}", "100")
				.replace(/\.$/, ""),
		);

		// Its verification page, without signing in, says it is genuine and what it states.
		await trainee
			.getByRole("link", { name: t.ui.submit.certificateVerify.replace("{{code}}", code) })
			.click();
		await expect(trainee.getByRole("status")).toHaveText(t.verify.genuine);
		const stated = trainee.getByRole("table", { name: t.verify.caption });
		await expect(stated.getByRole("row", { name: t.verify.name })).toContainText(name);
		await expect(stated.getByRole("row", { name: t.verify.cohort })).toContainText(
			`Zertifikate ${locale}`,
		);
		await expectNoRawKeys(trainee);
		await axe(trainee);

		// One letter changed: refused, as an unknown code.
		const last = code.at(-1) === "2" ? "3" : "2";
		const altered = `${code.slice(0, -1)}${last}`;
		const refused = await trainee.goto(`/${locale}/verify/${altered}/`);
		expect(refused?.status()).toBe(404);
		await expect(trainee.getByRole("alert")).toHaveText(t.verify.notGenuine);
		await axe(trainee);
		expect((await trainee.request.get(`/api/certificates/${altered}.pdf`)).status()).toBe(404);
		// Typed in by hand, in lower case.
		await trainee.goto(`/${locale}/verify/`);
		await trainee.getByLabel(t.verify.code).fill(code.toLowerCase());
		await trainee.getByRole("button", { name: t.verify.check }).click();
		await expect(trainee.getByRole("status")).toHaveText(t.verify.genuine);
		await context.close();

		// The trainer downloads the same certificate from the cohort page.
		await page.goto(`/${locale}/trainer/cohorts/${cohort.id}/`);
		const [trainerCopy] = await Promise.all([
			page.waitForEvent("download"),
			page
				.getByRole("link", { name: t.trainer.cohorts.certificateOf.replace("{{name}}", name) })
				.click(),
		]);
		const copy = await pdfText(new Uint8Array(readFileSync(await trainerCopy.path())));
		expect(copy.text).toContain(code);
		expect(copy.text).toContain(name);
	});
}
