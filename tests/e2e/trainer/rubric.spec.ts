import { expect, test } from "@playwright/test";
import { texts } from "./texts.ts";
import { passMark, rubric } from "../../../src/simulator/grading/rubric.ts";

// The trainers' guide page shows every rule of the grader's rubric, in both languages.
for (const locale of ["de", "en"] as const) {
	test(`/${locale}/trainers/ lists the grader's rubric`, async ({ page }) => {
		const t = texts(locale);
		await page.goto(`/${locale}/trainers/`);
		await expect(page.getByText(t("grading.passRule", { passMark }))).toBeVisible();
		const table = page.getByRole("table", { name: t("trainer.rubric.caption") });
		await expect(table.locator("tbody tr")).toHaveCount(rubric.length);
		for (const rule of rubric) {
			const row = table.locator(`#rule-${rule.id}`);
			await expect(row.getByRole("rowheader")).toContainText(t(rule.titleKey));
			await expect(row.getByRole("rowheader")).toContainText(rule.id);
			await expect(row).toContainText(t(`severity.${rule.severity}`));
			await expect(row.getByRole("cell").nth(1)).toContainText(String(rule.points));
		}
	});
}
