import { expect, test } from "@playwright/test";
import { measurePageJs } from "./page-js.ts";

/** The simulator's JavaScript budget (issue #4): 60 KB gzip per page, Pagefind's search UI aside. */
const budget = 60 * 1024;

for (const path of ["/de/practice/", "/en/practice/", "/de/staging/", "/en/staging/"]) {
	test(`${path} loads at most 60 KB gzip of JavaScript`, async ({ page }) => {
		const js = await measurePageJs(page, path);
		expect(js.hasIsland).toBe(true);
		const list = js.scripts.map((s) => `${s.gzip} ${new URL(s.url).pathname}`).join("\n");
		expect(js.pageGzip, `scripts:\n${list}`).toBeLessThanOrEqual(budget);
	});
}
