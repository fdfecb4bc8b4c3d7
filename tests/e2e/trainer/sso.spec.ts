import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { startProvider, type TestProvider } from "../../support/oidc-provider.ts";
import { texts } from "./texts.ts";
import { startServer, trainerPassword, type TestServer } from "./support.ts";

/**
 * Single sign-on against a real OpenID provider the test starts on a loopback port
 * (`oidc-provider`): an invited trainer gets in; an uninvited e-mail, an unverified one, a
 * tampered state and a replayed code are each refused with a clear page and an audit entry.
 */

const idpName = "Test-IdP";
let provider: TestProvider;
let server: TestServer;

async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
	const { port } = probe.address() as AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

test.beforeAll(async () => {
	const port = await freePort();
	provider = await startProvider({
		clientId: "staging-trainer",
		clientSecret: "a-client-secret-for-the-browser-tests",
		redirectUris: [`http://127.0.0.1:${port}/api/trainer/oidc/callback`],
		accounts: {
			anna: { email: "anna@partner.example", emailVerified: true },
			eve: { email: "eve@elsewhere.example", emailVerified: true },
			otto: { email: "otto@partner.example", emailVerified: false },
		},
	});
	server = await startServer({
		PORT: String(port),
		OIDC_ISSUER: provider.issuer,
		OIDC_CLIENT_ID: "staging-trainer",
		OIDC_CLIENT_SECRET: "a-client-secret-for-the-browser-tests",
		OIDC_NAME: idpName,
	});
});

test.afterAll(async () => {
	await server?.stop();
	await provider?.close();
});

/** Through the provider's own sign-in and consent pages, as `login`. */
async function throughProvider(page: Page, login: string) {
	await page.locator('input[name="login"]').fill(login);
	await page.locator('input[name="password"]').fill("any password");
	await page.locator('button[type="submit"]').click();
	// The consent page is a new page with a button of the same kind: wait for it, not the old one.
	await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: "attached" });
	await page.locator('button[type="submit"]').click();
}

/** The administrator, signed in with the password, inviting each of `emails`. */
async function invite(context: BrowserContext, emails: readonly string[]) {
	const t = texts("de");
	const page = await context.newPage();
	await page.goto(`${server.url}/de/trainer/login/`);
	await page.getByLabel(t("trainer.login.email")).fill("admin");
	await page.getByLabel(t("trainer.login.password")).fill(trainerPassword);
	await page.getByRole("button", { name: t("trainer.login.submit"), exact: true }).click();
	for (const email of emails) {
		await page.goto(`${server.url}/de/trainer/accounts/`);
		await page.getByLabel(t("trainer.accounts.email"), { exact: true }).fill(email);
		await page.getByRole("button", { name: t("trainer.accounts.invite") }).click();
		await expect(page.getByRole("status")).toContainText(email);
	}
	return page;
}

test("an invited trainer signs in through the identity provider; others are refused, each with a reason", async ({
	browser,
}) => {
	test.setTimeout(120_000);
	const t = texts("de");
	const admin = await browser.newContext();
	const adminPage = await invite(admin, ["anna@partner.example", "otto@partner.example"]);

	// Anna: invited, verified. She lands where she wanted to go, signed in as herself.
	const anna = await browser.newContext();
	const page = await anna.newPage();
	let callback = "";
	page.on("request", (r) => {
		if (r.url().includes("/api/trainer/oidc/callback")) callback = r.url();
	});
	await page.goto(`${server.url}/de/trainer/cohorts/`);
	await page.getByRole("button", { name: t("trainer.login.sso", { name: idpName }) }).click();
	const flow = (await anna.cookies()).find((c) => c.name === "st_oidc");
	expect(flow?.sameSite).toBe("Lax");
	await throughProvider(page, "anna");
	await expect(page).toHaveURL(`${server.url}/de/trainer/cohorts/`);
	await expect(page.getByRole("navigation", { name: t("trainer.nav.label") })).toContainText(
		"anna@partner.example",
	);
	await page.screenshot({ path: "test-results/sso-de.png" });

	// The sign-in is the same kind of cookie as a password's, and the flow's cookie is gone.
	const cookies = await anna.cookies();
	expect(cookies.find((c) => c.name === "st_trainer")).toMatchObject({
		httpOnly: true,
		sameSite: "Strict",
		path: "/",
	});
	expect(cookies.find((c) => c.name === "st_oidc")).toBeUndefined();
	// Another site cannot start a flow in the trainer's browser (Astro's origin check).
	const forged = await anna.request.post(`${server.url}/api/trainer/oidc/start`, {
		form: { lang: "de" },
		headers: { Origin: "https://attacker.example" },
		maxRedirects: 0,
	});
	expect(forged.status()).toBe(403);

	// The same code once more, with the flow cookie put back: the provider refuses it.
	await anna.addCookies([flow!]);
	await page.goto(callback);
	await expect(page.getByRole("status")).toHaveText(
		t("trainer.login.ssoRefused.refused", { name: idpName }),
	);

	// Up to the callback by hand: the provider's answer, and the browser's flow, as they are.
	const upToCallback = async (context: BrowserContext) => {
		const page = await context.newPage();
		await page.goto(`${server.url}/de/trainer/login/`);
		await page.getByRole("button", { name: t("trainer.login.sso", { name: idpName }) }).click();
		await page.locator('input[name="login"]').fill("anna");
		await page.locator('input[name="password"]').fill("any password");
		await page.locator('button[type="submit"]').click();
		await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: "attached" });
		const action = await page.locator("form").getAttribute("action");
		let answer = await context.request.post(new URL(action!, page.url()).href, {
			form: { prompt: "consent" },
			maxRedirects: 0,
		});
		let location = new URL(answer.headers()["location"]!, provider.issuer);
		while (!location.href.startsWith(`${server.url}/api/trainer/oidc/callback`)) {
			answer = await context.request.get(location.href, { maxRedirects: 0 });
			location = new URL(answer.headers()["location"]!, location);
		}
		return { page, callback: location };
	};

	// A tampered state never reaches the provider's token endpoint.
	const tamper = await browser.newContext();
	const tampered = await upToCallback(tamper);
	tampered.callback.searchParams.set("state", "tampered");
	await tampered.page.goto(tampered.callback.href);
	await expect(tampered.page.getByRole("status")).toHaveText(
		t("trainer.login.ssoRefused.state", { name: idpName }),
	);
	await tamper.close();

	// A nonce other than the one the ID token carries: the token is not accepted.
	const other = await browser.newContext();
	const wrongNonce = await upToCallback(other);
	const flowCookie = (await other.cookies()).find((c) => c.name === "st_oidc")!;
	const flowValue = JSON.parse(Buffer.from(flowCookie.value, "base64url").toString()) as Record<
		string,
		string
	>;
	const changed = { ...flowValue, nonce: "a-nonce-the-provider-never-saw" };
	await other.addCookies([
		{ ...flowCookie, value: Buffer.from(JSON.stringify(changed)).toString("base64url") },
	]);
	await wrongNonce.page.goto(wrongNonce.callback.href);
	await expect(wrongNonce.page.getByRole("status")).toHaveText(
		t("trainer.login.ssoRefused.refused", { name: idpName }),
	);
	await wrongNonce.page.goto(`${server.url}/de/trainer/`);
	await expect(wrongNonce.page).toHaveURL(/\/de\/trainer\/login\//);
	await other.close();

	// Eve was never invited; Otto's provider did not verify his address.
	for (const [login, reason] of [
		["eve", "not-invited"],
		["otto", "unverified"],
	] as const) {
		const context = await browser.newContext();
		const refused = await context.newPage();
		await refused.goto(`${server.url}/en/trainer/login/`);
		const en = texts("en");
		await refused.getByRole("button", { name: en("trainer.login.sso", { name: idpName }) }).click();
		await throughProvider(refused, login);
		await expect(refused).toHaveURL(new RegExp(`/en/trainer/login/\\?sso=${reason}$`));
		await expect(refused.getByRole("status")).toHaveText(
			en(`trainer.login.ssoRefused.${reason}`, { name: idpName }),
		);
		if (login === "eve") await refused.screenshot({ path: "test-results/sso-refused-en.png" });
		// Refused means not signed in.
		await refused.goto(`${server.url}/en/trainer/`);
		await expect(refused).toHaveURL(/\/en\/trainer\/login\//);
		await context.close();
	}

	// The audit trail has each of these, with the method.
	const csv = await (
		await adminPage.request.get(`${server.url}/api/trainer/audit.csv?actor=`)
	).text();
	expect(csv).toMatch(/anna@partner\.example,[\w-]+,sign-in,trainer,[^\n]*""method"":""oidc""/);
	for (const reason of ["refused", "state", "not-invited", "unverified"]) {
		expect(csv).toContain(`""reason"":""${reason}""`);
	}
	expect(csv).toMatch(/eve@elsewhere\.example,[^\n]*sign-in-failed/);
	await Promise.all([admin.close(), anna.close()]);
});
