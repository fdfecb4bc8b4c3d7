import { expect, test, type Page } from "@playwright/test";
import { texts } from "./simulator/driver.ts";

/**
 * Nothing on the practice page or the staging page moves while the simulator loads: the sum of
 * the layout-shift entries the browser reports (those not caused by the reader's own input) stays
 * 0 until the simulator is ready, in both languages and both themes.
 */
async function observeShifts(page: Page, theme: "light" | "dark"): Promise<void> {
	await page.addInitScript((t) => {
		localStorage.setItem("starlight-theme", t);
		const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
		w.__shifts = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & {
				value: number;
				hadRecentInput: boolean;
				sources?: { node?: Node }[];
			})[]) {
				if (entry.hadRecentInput) continue;
				w.__shifts.push({
					value: entry.value,
					sources: (entry.sources ?? []).map((s) =>
						s.node instanceof Element
							? `${s.node.outerHTML.slice(0, 60)} ${JSON.stringify((s as unknown as { previousRect: DOMRect }).previousRect)} → ${JSON.stringify((s as unknown as { currentRect: DOMRect }).currentRect)}`
							: `${s.node?.nodeName} in ${s.node?.parentElement?.outerHTML.slice(0, 160)} ${JSON.stringify((s as unknown as { previousRect: DOMRect }).previousRect)} ${JSON.stringify((s as unknown as { currentRect: DOMRect }).currentRect)}`,
					),
				});
			}
		}).observe({ type: "layout-shift", buffered: true });
	}, theme);
}

async function shifts(page: Page) {
	// Two frames, so shifts of the last render are reported before we read them.
	await page.evaluate(
		() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
	);
	return page.evaluate(
		() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts,
	);
}

for (const locale of ["de", "en"] as const) {
	for (const theme of ["light", "dark"] as const) {
		test(`the ${locale} practice page does not move while the simulator loads (${theme})`, async ({
			page,
		}) => {
			await observeShifts(page, theme);
			await page.goto(`/${locale}/practice/`);
			await expect(
				page.getByRole("button", { name: texts[locale].ui.picker.start, exact: true }),
			).toBeVisible();
			expect(await shifts(page)).toEqual([]);
		});

		test(`the ${locale} staging page does not move when an exercise loads (${theme})`, async ({
			page,
		}) => {
			await observeShifts(page, theme);
			await page.goto(`/${locale}/staging/`);
			expect(await shifts(page)).toEqual([]);
			// Scrolling is the reader's doing; what counts is that nothing moves as the exercise loads.
			const island = page.locator('[data-st-island="exercise"]').first();
			await island.scrollIntoViewIfNeeded();
			const start = page.getByRole("button", { name: texts[locale].ui.exercise.start }).first();
			await expect(start).toBeVisible();
			expect(await shifts(page)).toEqual([]);
		});
	}
}
