import { existsSync, readFileSync } from "node:fs";
import { expect, test, type Route } from "@playwright/test";
import { texts } from "./simulator/driver.ts";
import {
	capture,
	locales,
	manifestKey,
	manifestUrl,
	pictureUrl,
	screenNames,
	sha256,
	walk,
	editorWalk,
	simulatorScreenNames,
	type Manifest,
	type ScreenName,
} from "../screens/walk.ts";

// The guide's pictures of the simulator (src/assets/screens/) must show the screens as they are:
// this walks the simulator the way `npm run screenshots` does and compares what each screen shows
// with the fingerprint recorded when its picture was taken. It never writes a file.

const manifest: Manifest = existsSync(manifestUrl)
	? (JSON.parse(readFileSync(manifestUrl, "utf8")) as Manifest)
	: {};

test.describe("the pictures match the simulator", () => {
	test.use({
		viewport: capture.viewport,
		deviceScaleFactor: capture.deviceScaleFactor,
		colorScheme: capture.colorScheme,
		reducedMotion: "reduce",
	});

	for (const locale of locales) {
		test(`the guide's pictures of the simulator in ${locale} show the screens as they are`, async ({
			page,
		}) => {
			test.setTimeout(90_000);
			const problems: string[] = [];
			const walked: ScreenName[] = [];
			const check = async ({ name, fingerprint }: { name: ScreenName; fingerprint: string }) => {
				walked.push(name);
				const key = manifestKey(locale, name);
				const entry = manifest[key];
				const file = pictureUrl(locale, name);
				if (!entry) {
					problems.push(`${key}: not in src/assets/screens/manifest.json`);
				} else if (entry.screen !== fingerprint) {
					problems.push(`${key}: the screen changed since its picture was taken`);
				}
				if (!existsSync(file)) {
					problems.push(`${key}: the picture ${file.pathname} is missing`);
				} else if (entry && sha256(readFileSync(file)) !== entry.png) {
					problems.push(`${key}: the picture is not the one the manifest records`);
				}
			};
			await walk(page, locale, check);
			await editorWalk(page, locale, check);
			expect(walked, "every picture's screen was reached").toEqual([...screenNames]);
			expect(
				problems,
				`The guide's pictures of the simulator are out of date:\n${problems.join("\n")}\n` +
					"run npm run screenshots and commit the pictures and src/assets/screens/manifest.json",
			).toEqual([]);
		});
	}
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

for (const locale of locales) {
	test(`/${locale}/staging/ shows each picture lazily, sized before it loads, with alt text and caption`, async ({
		page,
	}) => {
		// Hold the pictures back until the boxes they will fill have been measured.
		const held: Route[] = [];
		const pictures = /\/_astro\/[^/]+\.(avif|webp)$/;
		await page.route(pictures, (route) => void held.push(route));
		await page.goto(`/${locale}/staging/`);
		const figures = page.locator("figure.screenshot");
		await expect(figures).toHaveCount(simulatorScreenNames.length);
		const images = figures.locator("img");
		const reserved: number[] = [];
		for (const img of await images.all()) {
			await expect(img).toHaveAttribute("loading", "lazy");
			await expect(img).toHaveAttribute("decoding", "async");
			await expect(img).toHaveAttribute("alt", /\S.{20,}/);
			await expect(img).toHaveAttribute("width", /^[1-9]\d*$/);
			await expect(img).toHaveAttribute("height", /^[1-9]\d*$/);
			const box = await img.evaluate((el: HTMLImageElement) => ({
				loaded: el.naturalWidth,
				width: el.getBoundingClientRect().width,
				height: el.getBoundingClientRect().height,
				ratio: Number(el.getAttribute("width")) / Number(el.getAttribute("height")),
			}));
			expect(box.loaded, "not loaded yet").toBe(0);
			// The box has the picture's shape before a byte of it arrived: nothing moves later.
			expect(box.width / box.height).toBeCloseTo(box.ratio, 1);
			reserved.push(box.height);
		}
		await page.unroute(pictures);
		for (const route of held) await route.continue();

		const marker = texts[locale].screens.marker;
		for (const [i, figure] of (await figures.all()).entries()) {
			const img = figure.locator("img");
			await figure.scrollIntoViewIfNeeded();
			await expect
				.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
				.toBeGreaterThan(0);
			const height = await img.evaluate((el) => el.getBoundingClientRect().height);
			expect(Math.abs(height - reserved[i]!), "no layout shift when it loads").toBeLessThan(1);
			await expect(figure.locator("figcaption")).toHaveText(new RegExp(`^${escape(marker)} \\S`));
		}
	});
}
