import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { guidePaths, locales } from "./pages";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

for (const theme of ["light", "dark"] as const) {
	for (const locale of locales) {
		for (const path of guidePaths()) {
			test(`axe: /${locale}/${path} in ${theme} theme`, async ({ page }) => {
				// Starlight reads the theme from localStorage before the first paint.
				await page.addInitScript((t) => localStorage.setItem("starlight-theme", t), theme);
				await page.goto(`/${locale}/${path}`);
				await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
				const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
				expect(
					results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
				).toEqual([]);
			});
		}
	}
}
