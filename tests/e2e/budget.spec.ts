import { expect, test } from "@playwright/test";
import { measurePageJs, type PageJs } from "./page-js.ts";

/**
 * The simulator's JavaScript budgets (issues #4 and #15), Pagefind's search UI aside: the practice
 * page draws its first screen from at most 40 KB gzip, and a guide page with exercises loads at most
 * 5 % more than one without, as the exercises' code waits until they come near.
 */
const practiceBudget = 40 * 1024;
const exerciseOverhead = 1.05;

const list = (js: PageJs) =>
	js.scripts.map((s) => `${s.gzip} ${new URL(s.url).pathname}`).join("\n");

for (const locale of ["de", "en"]) {
	test(`/${locale}/practice/ loads at most 40 KB gzip of JavaScript`, async ({ page }) => {
		const js = await measurePageJs(page, `/${locale}/practice/`);
		expect(js.hasIsland).toBe(true);
		expect(js.pageGzip, `scripts:\n${list(js)}`).toBeLessThanOrEqual(practiceBudget);
	});

	test(`/${locale}/staging/ loads at most 5 % more JavaScript than a guide page without exercises`, async ({
		page,
	}) => {
		const staging = await measurePageJs(page, `/${locale}/staging/`);
		expect(staging.hasIsland).toBe(true);
		const plain = await measurePageJs(page, `/${locale}/glossary/`);
		expect(plain.hasIsland).toBe(false);
		expect(
			staging.pageGzip,
			`staging:\n${list(staging)}\nglossary (${plain.pageGzip} B):\n${list(plain)}`,
		).toBeLessThanOrEqual(plain.pageGzip * exerciseOverhead);
	});
}
