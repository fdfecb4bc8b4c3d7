import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { texts } from "./texts.ts";
import { trainerPassword, uniqueCohort } from "./support.ts";

/**
 * Trainer accounts as a partner company uses them: the administrator invites a trainer, the
 * trainer chooses a password from the link, each sees what their role allows, disabling ends the
 * trainer's session at once, and the audit trail names who did each of these.
 */

async function check(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
		.analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
	).toEqual([]);
}

async function signInAs(browser: Browser, locale: "de" | "en", email: string, password: string) {
	const t = texts(locale);
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/${locale}/trainer/login/`);
	await page.getByLabel(t("trainer.login.email")).fill(email);
	await page.getByLabel(t("trainer.login.password")).fill(password);
	await page.getByRole("button", { name: t("trainer.login.submit") }).click();
	return { context, page };
}

// Three pages checked with axe, four browsers: well beyond the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

for (const locale of ["de", "en"] as const) {
	const t = texts(locale);
	const a = (key: string, values?: Record<string, unknown>) => t(`trainer.accounts.${key}`, values);

	test(`an administrator invites a trainer, who signs in, sees only their own, and is disabled (${locale})`, async ({
		browser,
	}) => {
		const unique = uniqueCohort()
			.toLowerCase()
			.replace(/[^a-z0-9]/g, "");
		const email = `anna.${unique}@example.com`;
		const otherEmail = `ben.${unique}@example.com`;
		const admin = await signInAs(browser, locale, "admin", trainerPassword);
		await expect(
			admin.page.getByRole("navigation", { name: t("trainer.nav.label") }),
		).toContainText("admin");
		await admin.page.getByRole("link", { name: t("trainer.nav.trainers") }).click();
		await expect(admin.page.getByRole("heading", { level: 1, name: a("title") })).toBeVisible();

		// A wrong address is refused at its field, with what was typed kept.
		await admin.page.getByLabel(a("email"), { exact: true }).fill("anna@example");
		await admin.page.getByLabel(a("name"), { exact: true }).fill("Anna <b>Berg</b>");
		await admin.page.getByRole("button", { name: a("invite") }).click();
		await expect(admin.page.getByText(a("errors.email"))).toBeVisible();
		await expect(admin.page.getByLabel(a("name"), { exact: true })).toHaveValue("Anna <b>Berg</b>");
		await expect(admin.page.getByLabel(a("email"), { exact: true })).toHaveAttribute(
			"aria-invalid",
			"true",
		);

		const invite = async (address: string, name: string) => {
			await admin.page.getByLabel(a("email"), { exact: true }).fill(address);
			await admin.page.getByLabel(a("name"), { exact: true }).fill(name);
			await admin.page
				.getByLabel(a("role"), { exact: true })
				.selectOption({ label: a("roles.trainer") });
			await admin.page.getByRole("button", { name: a("invite") }).click();
			await expect(admin.page.getByRole("status")).toContainText(address);
			return admin.page.getByLabel(a("inviteLink")).inputValue();
		};
		const link = await invite(email, "Anna <b>Berg</b>");
		expect(link).toMatch(new RegExp(`/${locale}/trainer/invitation/\\?token=[\\w-]{43}$`));
		await expect(admin.page.getByRole("row").filter({ hasText: email })).toContainText(
			a("states.invited"),
		);
		await check(admin.page);
		await admin.page.screenshot({ path: `test-results/accounts-${locale}.png`, fullPage: true });
		const otherLink = await invite(otherEmail, "Ben");

		// The trainer follows the link: too short a password first, then a good one.
		const anna = await browser.newContext();
		const annaPage = await anna.newPage();
		await annaPage.goto(new URL(link).pathname + new URL(link).search);
		await expect(annaPage.getByText(email)).toBeVisible();
		await annaPage.getByLabel(t("trainer.invitation.password")).fill("short");
		await annaPage.getByLabel(t("trainer.invitation.repeat")).fill("short");
		// The browser's own check would stop a too-short password; the server's is tested here.
		await annaPage
			.locator("form.trainer-form")
			.evaluate((form) => form.setAttribute("novalidate", ""));
		await annaPage.getByRole("button", { name: t("trainer.invitation.submit") }).click();
		await expect(annaPage.getByRole("alert")).toHaveText(
			t("trainer.invitation.tooShort", { min: 15 }),
		);
		await check(annaPage);
		await annaPage.getByLabel(t("trainer.invitation.password")).fill("Annas langes Passwort");
		await annaPage.getByLabel(t("trainer.invitation.repeat")).fill("Annas langes Passwort");
		await annaPage.getByRole("button", { name: t("trainer.invitation.submit") }).click();
		await expect(annaPage).toHaveURL(new RegExp(`/${locale}/trainer/$`));
		const nav = annaPage.getByRole("navigation", { name: t("trainer.nav.label") });
		await expect(nav).toContainText(email);
		// A trainer manages no accounts and reads no audit trail.
		await expect(nav.getByRole("link", { name: t("trainer.nav.trainers") })).toHaveCount(0);
		expect((await annaPage.goto(`/${locale}/trainer/accounts/`))?.status()).toBe(403);
		expect((await annaPage.request.get("/api/trainer/audit.csv")).status()).toBe(403);

		// The link works once.
		const again = await browser.newContext();
		const againPage = await again.newPage();
		await againPage.goto(new URL(link).pathname + new URL(link).search);
		await expect(againPage.getByRole("alert")).toHaveText(t("trainer.invitation.used"));
		await again.close();

		// Anna creates a cohort; Ben, another trainer, neither sees it nor opens it.
		await annaPage.goto(`/${locale}/trainer/cohorts/new/`);
		const cohortName = `Annas Kohorte ${unique}`;
		await annaPage.getByLabel(t("trainer.cohorts.name"), { exact: true }).fill(cohortName);
		await annaPage.getByRole("checkbox", { name: t("scenarios.first-handover.title") }).check();
		await annaPage.getByRole("button", { name: t("trainer.cohorts.create") }).click();
		await expect(annaPage.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
		const cohortUrl = new URL(annaPage.url()).pathname;

		const ben = await browser.newContext();
		const benPage = await ben.newPage();
		await benPage.goto(new URL(otherLink).pathname + new URL(otherLink).search);
		await benPage.getByLabel(t("trainer.invitation.password")).fill("Bens langes Passwort!");
		await benPage.getByLabel(t("trainer.invitation.repeat")).fill("Bens langes Passwort!");
		await benPage.getByRole("button", { name: t("trainer.invitation.submit") }).click();
		await expect(benPage).toHaveURL(new RegExp(`/${locale}/trainer/$`));
		await benPage.goto(`/${locale}/trainer/cohorts/`);
		await expect(benPage.getByText(cohortName)).toHaveCount(0);
		expect((await benPage.goto(cohortUrl))?.status()).toBe(404);
		await expect(benPage.getByText(cohortName)).toHaveCount(0);
		const cohortId = cohortUrl.split("/").filter(Boolean).at(-1)!;
		expect((await benPage.request.get(`/api/cohorts/${cohortId}`)).status()).toBe(404);
		// The administrator sees every cohort.
		await admin.page.goto(`/${locale}/trainer/cohorts/`);
		await expect(admin.page.getByRole("link", { name: cohortName })).toBeVisible();

		// Disabled, Anna's open session ends with her next request.
		await admin.page.goto(`/${locale}/trainer/accounts/`);
		await admin.page.getByRole("button", { name: `${a("disable")}: ${email}` }).click();
		await expect(admin.page.getByRole("status")).toContainText(email);
		await annaPage.goto(`/${locale}/trainer/cohorts/`);
		await expect(annaPage).toHaveURL(new RegExp(`/${locale}/trainer/login/`));
		const refused = await signInAs(browser, locale, email, "Annas langes Passwort");
		await expect(refused.page.getByRole("status")).toHaveText(t("trainer.login.wrong"));
		await refused.context.close();
		// Her cohort stays; the administrator hands it to Ben (on its settings), who then sees it.
		await admin.page.goto(`${cohortUrl}settings/`);
		await admin.page
			.getByLabel(t("trainer.cohorts.owner"))
			.selectOption({ label: `Ben (${otherEmail})` });
		await admin.page.getByRole("button", { name: t("trainer.cohorts.handOver") }).click();
		await expect(admin.page.getByLabel(t("trainer.cohorts.owner"))).toHaveValue(/[\w-]{36}/);
		expect((await benPage.goto(cohortUrl))?.status()).toBe(200);
		await expect(benPage.getByRole("heading", { level: 1, name: cohortName })).toBeVisible();
		await admin.page.goto(`/${locale}/trainer/accounts/`);

		// The last administrator cannot disable themselves.
		await admin.page.getByRole("button", { name: `${a("disable")}: admin` }).click();
		await expect(admin.page.getByRole("alert")).toHaveText(a("errors.lastAdmin"));

		// The audit trail names who did each of these.
		await admin.page.getByRole("link", { name: t("trainer.nav.audit") }).click();
		const rows = admin.page.getByRole("row");
		const entry = (actor: string, action: string, target: string) =>
			rows
				.filter({ hasText: actor })
				.filter({ hasText: t(`trainer.audit.actions.${action}`) })
				.filter({ hasText: target });
		await expect(entry("admin", "invitation-created", email)).toHaveCount(1);
		await expect(entry(email, "invitation-followed", email)).toHaveCount(1);
		await expect(entry(email, "cohort-created", cohortName)).toHaveCount(1);
		await expect(entry("admin", "account-disabled", email)).toHaveCount(1);
		await expect(entry("admin", "cohort-changed", cohortName)).toHaveCount(1);
		await expect(entry(email, "sign-in-failed", "")).toHaveCount(1);
		await check(admin.page);
		await admin.page.getByLabel(t("trainer.audit.action")).selectOption({
			label: t("trainer.audit.actions.account-disabled"),
		});
		await admin.page.getByLabel(t("trainer.audit.actor")).fill("admin");
		await admin.page.getByRole("button", { name: t("trainer.audit.apply") }).click();
		await expect(entry("admin", "account-disabled", email)).toHaveCount(1);
		await expect(entry(email, "cohort-created", cohortName)).toHaveCount(0);
		await admin.page.screenshot({ path: `test-results/audit-${locale}.png`, fullPage: true });
		const csv = await admin.page.request.get(
			`/api/trainer/audit.csv?action=account-disabled&actor=admin`,
		);
		expect(csv.status()).toBe(200);
		const body = await csv.text();
		expect(body).toContain(email);
		expect(body).not.toContain("cohort-created");

		await Promise.all([admin.context.close(), anna.close(), ben.close()]);
	});
}
