import { chromium } from "@playwright/test";
const [, , base, out, width, height, lang, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const context = await browser.newContext({
	viewport: { width: Number(width), height: Number(height) },
});
const page = await context.newPage();
await page.goto(`${base}/${lang}/trainer/login/`);
await page.locator("input[name=email]").fill("admin");
await page.locator("input[type=password]").fill("correct horse battery staple");
await page.locator("form button[type=submit]").first().click();
await page.waitForURL(/trainer\/$/);
for (const p of paths) {
	await page.goto(`${base}${p}`);
	const name = `${out}-${p.replace(/[^a-z0-9]+/gi, "_")}-${width}.png`;
	await page.screenshot({ path: name, fullPage: false });
	console.log(name);
}
await browser.close();
