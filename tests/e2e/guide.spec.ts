import { expect, test } from "@playwright/test";
import { guidePaths, locales } from "./pages";
import { texts } from "./simulator/driver.ts";

const pickerName = { de: "Sprache wählen", en: "Select language" } as const;
const languageName = { de: "Deutsch", en: "English" } as const;

for (const locale of locales) {
	for (const path of guidePaths()) {
		test(`/${locale}/${path} loads with status 200`, async ({ page }) => {
			const response = await page.goto(`/${locale}/${path}`);
			expect(response?.status()).toBe(200);
			await expect(page.locator("html")).toHaveAttribute("lang", locale);
			await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
		});
	}
}

for (const path of guidePaths()) {
	test(`language picker leads from /de/${path} to English and back`, async ({ page }) => {
		await page.goto(`/de/${path}`);
		await page
			.getByRole("combobox", { name: pickerName.de })
			.selectOption({ label: languageName.en });
		await expect(page).toHaveURL(`/en/${path}`);
		await expect(page.locator("html")).toHaveAttribute("lang", "en");
		await page
			.getByRole("combobox", { name: pickerName.en })
			.selectOption({ label: languageName.de });
		await expect(page).toHaveURL(`/de/${path}`);
	});
}

const searches = [
	{ locale: "de", button: "Suchen", term: "Gastbenutzer" },
	{ locale: "en", button: "Search", term: "guest user" },
] as const;

for (const { locale, button, term } of searches) {
	test(`search finds "${term}" on a ${locale} page`, async ({ page }) => {
		await page.goto(`/${locale}/`);
		await page.getByRole("button", { name: button }).click();
		const dialog = page.getByRole("dialog");
		await dialog.getByRole("textbox", { name: button }).fill(term);
		const firstHit = dialog.locator(".pagefind-ui__result-link").first();
		await expect(firstHit).toBeVisible();
		await expect(firstHit).toHaveAttribute("href", new RegExp(`^/${locale}/`));
	});
}

test.describe("the root address", () => {
	const cases = [
		{ header: "en-US,en;q=0.9", target: "/en/" },
		{ header: "de-DE,de;q=0.9,en;q=0.8", target: "/de/" },
		{ header: "fr-FR,fr;q=0.9", target: "/de/" },
	];
	for (const { header, target } of cases) {
		test(`redirects Accept-Language "${header}" to ${target}`, async ({ request }) => {
			const response = await request.get("/", {
				headers: { "Accept-Language": header },
				maxRedirects: 0,
			});
			expect(response.status()).toBe(302);
			expect(response.headers()["location"]).toBe(target);
			expect(response.headers()["vary"]).toMatch(/Accept-Language/i);
			// Without JavaScript or redirects, both languages are still offered as links.
			const body = await response.text();
			expect(body).toContain('href="/de/"');
			expect(body).toContain('href="/en/"');
		});
	}

	test("a browser preferring English lands on the English guide", async ({ browser }) => {
		const context = await browser.newContext({ locale: "en-US" });
		const page = await context.newPage();
		await page.goto("/");
		await expect(page).toHaveURL("/en/");
		await context.close();
	});
});

test("every stable step id is an anchor on both staging pages", async ({ page }) => {
	const { stepIds } = await import("../../src/simulator/process/steps");
	for (const locale of locales) {
		await page.goto(`/${locale}/staging/`);
		for (const id of stepIds) {
			await expect(page.locator(`[id="${id}"]`), `${locale} #${id}`).toHaveCount(1);
		}
	}
});

/** Pages that embed the simulator; every other guide page must ship no framework runtime. */
const exercisePages = new Set(["staging/", "practice/"]);

test("only pages with an exercise load the simulator, and no resource fails", async ({ page }) => {
	// Solid's DOM runtime keeps this event-delegation key through minification.
	const solidRuntime = "_$DX_DELEGATE";
	const failed: string[] = [];
	page.on("response", (r) => {
		if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
	});
	for (const locale of locales) {
		for (const path of guidePaths()) {
			const scripts: Promise<string>[] = [];
			const collect = (r: import("@playwright/test").Response) => {
				if (r.request().resourceType() === "script") scripts.push(r.text());
			};
			page.on("response", collect);
			await page.goto(`/${locale}/${path}`, { waitUntil: "networkidle" });
			page.off("response", collect);
			const withSolid = (await Promise.all(scripts)).filter((js) => js.includes(solidRuntime));
			const islands = page.locator("[data-st-island]");
			if (path === "practice/") {
				await expect(islands.first(), `/${locale}/${path}`).toBeAttached();
				expect(withSolid.length, `/${locale}/${path}`).toBeGreaterThan(0);
			} else if (exercisePages.has(path)) {
				// Guide pages load an exercise's code only once it comes near the viewport.
				expect(withSolid.length, `/${locale}/${path} before scrolling`).toBe(0);
				const later: Promise<string>[] = [];
				const collectLater = (r: import("@playwright/test").Response) => {
					if (r.request().resourceType() === "script") later.push(r.text());
				};
				page.on("response", collectLater);
				await islands.first().scrollIntoViewIfNeeded();
				await expect(
					islands.first().getByRole("button", { name: texts[locale].ui.exercise.start }),
				).toBeVisible();
				page.off("response", collectLater);
				const loaded = (await Promise.all(later)).filter((js) => js.includes(solidRuntime));
				expect(loaded.length, `/${locale}/${path} after scrolling`).toBeGreaterThan(0);
			} else {
				await expect(islands, `/${locale}/${path}`).toHaveCount(0);
				expect(withSolid.length, `/${locale}/${path}`).toBe(0);
			}
		}
	}
	expect(failed).toEqual([]);
});

test("every guide page links the same stylesheets and keeps Starlight's reading width", async ({
	page,
}) => {
	// The practice page alone widens its column for the Control Center; the trainer pages' wider
	// layout once leaked onto guide pages through a shared stylesheet chunk. Pages with a simulator
	// island link the simulator's stylesheet besides, and only that.
	const expected = new Map<boolean, string[]>();
	for (const locale of locales) {
		for (const path of guidePaths()) {
			await page.goto(`/${locale}/${path}`);
			const sheets = await page
				.locator('link[rel="stylesheet"]')
				.evaluateAll((links) =>
					links.map((l) => new URL((l as HTMLLinkElement).href).pathname).sort(),
				);
			const island = exercisePages.has(path);
			if (!expected.has(island)) expected.set(island, sheets);
			expect(sheets, `/${locale}/${path}`).toEqual(expected.get(island));
			const width = await page.evaluate(() =>
				getComputedStyle(document.documentElement).getPropertyValue("--sl-content-width").trim(),
			);
			expect(width, `/${locale}/${path}`).toBe(path === "practice/" ? "100rem" : "45rem");
		}
	}
	const [plain = [], withIsland = []] = [expected.get(false), expected.get(true)];
	expect(withIsland.filter((sheet) => !plain.includes(sheet))).toHaveLength(1);
	expect(plain.filter((sheet) => !withIsland.includes(sheet))).toEqual([]);
});
