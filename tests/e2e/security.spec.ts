import { scenarioTitle } from "./simulator/driver.ts";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { encodeCompletionCode } from "../../src/simulator/attempt/completion-code.ts";
import { guidePaths, locales } from "./pages.ts";
import { Trainee, storedAttempt } from "./simulator/driver.ts";
import { reference } from "./simulator/reference.ts";
import { texts } from "./trainer/texts.ts";
import { referenceAttempt, signIn, uniqueCohort } from "./trainer/support.ts";

/**
 * The site under its Content-Security-Policy and security headers, and user-supplied text in every
 * HTML context of the trainer pages. Every page is watched for policy violations: a page that runs
 * with none has its own scripts allowed and nothing injected that the policy had to stop.
 */

declare global {
	interface Window {
		__violations: string[];
		__xss?: unknown;
	}
}

/** Records every CSP violation of the context's pages in `window.__violations`. */
async function watchViolations(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		window.__violations = [];
		document.addEventListener("securitypolicyviolation", (e) =>
			window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
		);
	});
}

async function violations(page: Page): Promise<string[]> {
	return page.evaluate(() => window.__violations);
}

/** The page's policy: its `<meta>` (prerendered pages) or its response header (on demand). */
async function policyOf(page: Page, header: string | undefined): Promise<string> {
	const meta = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute("content", { timeout: 1000 })
		.catch(() => null);
	return [meta, header].filter(Boolean).join(" | ");
}

/** Injected markup with an inline handler must not run: the policy is really enforced. */
async function expectInlineScriptBlocked(page: Page): Promise<void> {
	await page.evaluate(() =>
		document.body.insertAdjacentHTML("beforeend", '<img src="/x.png" onerror="window.__xss=1">'),
	);
	await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src/));
	expect(await page.evaluate(() => window.__xss)).toBeUndefined();
	await page.evaluate(() => {
		window.__violations = [];
	});
}

test.describe("Content-Security-Policy", () => {
	test("every guide page has a policy and runs without a violation, search and theme included", async ({
		context,
		page,
	}) => {
		await watchViolations(context);
		for (const locale of locales) {
			for (const path of guidePaths()) {
				const response = await page.goto(`/${locale}/${path}`);
				const policy = await policyOf(page, response?.headers()["content-security-policy"]);
				expect(policy, path).toMatch(/script-src 'self'/);
				expect(policy, path).toMatch(/object-src 'none'/);
				expect(await violations(page), `/${locale}/${path}`).toEqual([]);
			}
			// The theme switch and the search dialog (Pagefind compiles WebAssembly).
			await page.goto(`/${locale}/glossary/`);
			await page
				.getByRole("combobox", { name: locale === "de" ? "Farbschema wählen" : "Select theme" })
				.first()
				.selectOption("light");
			await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
			const search = locale === "de" ? "Suchen" : "Search";
			await page.getByRole("button", { name: search }).click();
			await page
				.getByRole("dialog")
				.getByRole("textbox", { name: search })
				.fill(locale === "de" ? "Gastbenutzer" : "guest user");
			await expect(page.locator(".pagefind-ui__result").first()).toBeVisible();
			expect(await violations(page)).toEqual([]);
			await expectInlineScriptBlocked(page);
		}
	});

	test("the simulator runs a whole attempt and an exercise without a violation", async ({
		context,
		page,
	}) => {
		await watchViolations(context);
		const trainee = new Trainee(page, "de");
		await page.goto("/de/practice/");
		await trainee.startPractice(scenarioTitle("first-handover", "de"), "practice");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await trainee.performAll(solution.start, solution.events);
		await trainee.finish();
		expect(await violations(page)).toEqual([]);
		await expectInlineScriptBlocked(page);

		const en = new Trainee(page, "en");
		await page.goto("/en/staging/");
		// The exercise's code loads when it comes near the viewport.
		await page.locator('[data-st-island="exercise"]').first().scrollIntoViewIfNeeded();
		await page.getByRole("button", { name: en.t.ui.exercise.start }).first().click();
		await expect(en.cc).toBeVisible();
		await page.getByRole("button", { name: en.t.ui.exercise.finish }).first().click();
		await expect(page.getByText(en.t.ui.exercise.result).first()).toBeVisible();
		expect(await violations(page)).toEqual([]);
	});

	test("trainer pages carry the policy as a header, may not be framed, and run without a violation", async ({
		context,
		page,
	}) => {
		await watchViolations(context);
		const cohort = uniqueCohort();
		const attempt = referenceAttempt({ hintsUsed: 1, trainee: { name: "Vera Violet", cohort } });
		expect((await page.request.post("/api/attempts", { data: attempt })).status()).toBe(201);
		for (const locale of locales) {
			const t = texts(locale);
			const login = await page.goto(`/${locale}/trainer/login/`);
			expect(login?.status()).toBe(200);
			const header = login?.headers()["content-security-policy"] ?? "";
			expect(header).toMatch(/script-src 'self'/);
			expect(header).toMatch(/frame-ancestors 'none'/);
			expect(login?.headers()["x-frame-options"]).toBe("DENY");
			await signIn(page.request);
			for (const path of [
				`/${locale}/trainer/?cohort=${cohort}`,
				`/${locale}/trainer/attempts/${attempt.id}/`,
				`/${locale}/trainer/summary/?cohort=${cohort}`,
			]) {
				const response = await page.goto(path);
				expect(response?.headers()["content-security-policy"], path).toMatch(
					/frame-ancestors 'none'/,
				);
				expect(await violations(page), path).toEqual([]);
			}
			await page.goto(`/${locale}/trainer/import/`);
			await page
				.getByLabel(t("trainer.import.codes"))
				.fill(await encodeCompletionCode(referenceAttempt({ trainee: { name: "Ida", cohort } })));
			await page.getByRole("button", { name: t("trainer.import.submit") }).click();
			await expect(
				page.getByRole("table", { name: t("trainer.import.resultsCaption") }),
			).toBeVisible();
			expect(await violations(page)).toEqual([]);
			await expectInlineScriptBlocked(page);
		}

		// Framed by another page, the sign-in page does not load; a guide page (the control) does.
		const framing = await context.newPage();
		const base = test.info().project.use.baseURL;
		// setContent waits for the load event, which waits for both frames.
		await framing.setContent(
			`<iframe title="guide" src="${base}/de/glossary/"></iframe>` +
				`<iframe title="sign-in" src="${base}/de/trainer/login/"></iframe>`,
		);
		await expect(
			framing.frameLocator('iframe[title="guide"]').getByRole("heading", { level: 1 }),
		).toBeVisible();
		expect(
			await framing
				.frameLocator('iframe[title="sign-in"]')
				.getByLabel(texts("de")("trainer.login.password"))
				.count(),
		).toBe(0);
	});
});

test("security headers on the guide, its files, the API and the trainer pages", async ({
	request,
}) => {
	for (const path of [
		"/de/",
		"/en/staging/",
		"/trainer.css",
		"/api/health",
		"/de/trainer/login/",
		"/",
	]) {
		const response = await request.get(path, { maxRedirects: 0 });
		const headers = response.headers();
		expect(headers["x-content-type-options"], path).toBe("nosniff");
		expect(headers["referrer-policy"], path).toMatch(
			/^(strict-origin-when-cross-origin|same-origin)$/,
		);
		expect(headers["permissions-policy"], path).toMatch(/camera=\(\), geolocation=\(\)/);
	}
	// Responses that are not pages may load, run and frame nothing.
	const health = await request.get("/api/health");
	expect(health.headers()["content-security-policy"]).toBe(
		"default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	);
});

test.describe("user-supplied text on trainer pages", () => {
	// One payload per HTML context; each at most 100 characters, as the attempt schema allows.
	const name = `</title><img src=x onerror=__xss=1>"'><svg onload=__xss=2>`;
	const cohort = `'"><script>__xss=3</script>${uniqueCohort()}`;

	test("names and cohorts show literally in the title, meta, attributes and text, and no script runs", async ({
		context,
		page,
	}) => {
		await watchViolations(context);
		const dialogs: string[] = [];
		page.on("dialog", (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const submitted = referenceAttempt({ trainee: { name, cohort } });
		expect((await page.request.post("/api/attempts", { data: submitted })).status()).toBe(201);
		const imported = referenceAttempt({ trainee: { name: `${name} (2)`, cohort } });
		await signIn(page.request);

		const nothingInjected = async (where: string) => {
			expect(
				await page.locator('img[src="x"], svg[onload], [onerror], [onfocus]').count(),
				where,
			).toBe(0);
			expect(await page.locator("script", { hasText: "__xss" }).count(), where).toBe(0);
			expect(await page.evaluate(() => window.__xss), where).toBeUndefined();
			expect(await violations(page), where).toEqual([]);
		};

		for (const locale of locales) {
			const t = texts(locale);
			const query = `?cohort=${encodeURIComponent(cohort)}`;

			await page.goto(`/${locale}/trainer/${query}`);
			await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
			// Attribute: the cohort as a suggestion in the filter's datalist.
			const options = await page
				.locator("#filter-cohorts option")
				.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
			expect(options).toContain(cohort);
			await expect(page.getByLabel(t("trainer.columns.cohort"))).toHaveValue(cohort);
			await nothingInjected(`list ${locale}`);

			// Title, og:title, heading and text of the attempt page.
			await page.goto(`/${locale}/trainer/attempts/${submitted.id}/`);
			const title = t("trainer.attempt.title", { name });
			expect(await page.title()).toBe(`${title} | Staging Trainer`);
			await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
			await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
			await expect(page.getByText(cohort, { exact: true })).toBeVisible();
			await nothingInjected(`attempt ${locale}`);

			// Options and links of the summary.
			await page.goto(`/${locale}/trainer/summary/${query}`);
			await expect(page.getByRole("link", { name: cohort, exact: true })).toBeVisible();
			await expect(page.getByLabel(t("trainer.columns.cohort"))).toHaveValue(cohort);
			await nothingInjected(`summary ${locale}`);

			// A value reflected from the address into the filter form.
			await page.goto(`/${locale}/trainer/?trainee=${encodeURIComponent(name)}`);
			await expect(page.getByLabel(t("trainer.list.trainee"))).toHaveValue(name);
			await nothingInjected(`reflected filter ${locale}`);
			// And into the sign-in form's hidden field.
			await page.context().clearCookies({ name: "st_trainer" });
			await page.goto(`/${locale}/trainer/?trainee=${encodeURIComponent(name)}`);
			await expect(page).toHaveURL(/\/trainer\/login\//);
			await nothingInjected(`sign-in ${locale}`);
			await signIn(page.request);
		}

		// An imported completion code reaches the same pages.
		await page.goto("/de/trainer/import/");
		await page
			.getByLabel(texts("de")("trainer.import.codes"))
			.fill(await encodeCompletionCode(imported));
		await page.getByRole("button", { name: texts("de")("trainer.import.submit") }).click();
		await expect(page.getByRole("link", { name: `${name} (2)`, exact: true })).toBeVisible();
		await nothingInjected("import results");
		await page.goto(`/de/trainer/attempts/${imported.id}/`);
		expect(await page.title()).toBe(
			`${texts("de")("trainer.attempt.title", { name: `${name} (2)` })} | Staging Trainer`,
		);
		await nothingInjected("imported attempt");
		expect(dialogs).toEqual([]);
	});
});
