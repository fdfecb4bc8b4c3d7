import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { finishOidc, startOidc } from "../../../../src/server/access/oidc.ts";
import { ConfigError, readConfig } from "../../../../src/server/config.ts";
import { startProvider, type TestProvider } from "../../../support/oidc-provider.ts";
import { context, meta } from "../support.ts";

let provider: TestProvider;
beforeAll(async () => {
	provider = await startProvider({
		clientId: "trainer",
		clientSecret: "a-client-secret-for-tests",
		redirectUris: ["http://127.0.0.1:4321/api/trainer/oidc/callback"],
		accounts: {},
	});
});
afterAll(() => provider.close());

const oidc = (issuer: string) => ({
	issuer: new URL(issuer),
	clientId: "trainer",
	clientSecret: "a-client-secret-for-tests",
	name: "Test-IdP",
	allowedDomains: [],
});

describe("single sign-on (OpenID Connect)", () => {
	test("the settings come as a set of three, and only over https (or http on this machine)", () => {
		const env = {
			OIDC_ISSUER: "https://login.example.com",
			OIDC_CLIENT_ID: "trainer",
			OIDC_CLIENT_SECRET: "secret",
		};
		expect(readConfig(env).oidc).toMatchObject({ name: "login.example.com", allowedDomains: [] });
		expect(() => readConfig({ ...env, OIDC_CLIENT_SECRET: "" })).toThrow(ConfigError);
		expect(() => readConfig({ ...env, OIDC_ISSUER: "http://login.example.com" })).toThrow(
			/https address/,
		);
		expect(() => readConfig({ ...env, OIDC_ALLOWED_DOMAINS: "example.com, nope" })).toThrow(
			/e-mail domains/,
		);
		expect(
			readConfig({ ...env, OIDC_ALLOWED_DOMAINS: "@Example.com, example.de" }).oidc?.allowedDomains,
		).toEqual(["example.com", "example.de"]);
	});

	test("a start goes to the provider with PKCE (S256), state and nonce, kept in a Lax cookie", async () => {
		const ctx = await context({ oidc: oidc(provider.issuer) });
		const started = await startOidc(
			new Request("http://127.0.0.1:4321/api/trainer/oidc/start", {
				method: "POST",
				body: new URLSearchParams({ lang: "en", next: "/en/trainer/cohorts/" }),
			}),
			meta,
			ctx,
		);
		expect(started.status).toBe(200);
		const to = new URL(
			/content="0;url=([^"]+)"/.exec(await started.text())![1]!.replaceAll("&#38;", "&"),
		);
		expect(to.origin).toBe(provider.issuer);
		expect(to.searchParams.get("code_challenge_method")).toBe("S256");
		expect(to.searchParams.get("state")).toMatch(/^[\w-]{40,}$/);
		expect(to.searchParams.get("nonce")).toMatch(/^[\w-]{40,}$/);
		expect(to.searchParams.get("redirect_uri")).toBe(
			"http://127.0.0.1:4321/api/trainer/oidc/callback",
		);
		expect(started.headers.get("set-cookie")).toMatch(
			/^st_oidc=[\w-]+; Path=\/api\/trainer\/oidc\/; Max-Age=600; HttpOnly; SameSite=Lax$/,
		);
	});

	test("a wrong issuer is refused: the provider's discovery names another", async () => {
		// The same provider, named by another host: its discovery document says 127.0.0.1.
		const wrong = provider.issuer.replace("127.0.0.1", "localhost");
		const ctx = await context({ oidc: oidc(wrong) });
		const started = await startOidc(
			new Request("http://127.0.0.1:4321/api/trainer/oidc/start", {
				method: "POST",
				body: new URLSearchParams({ lang: "de" }),
			}),
			meta,
			ctx,
		);
		expect(started.headers.get("location")).toBe("/de/trainer/login/?sso=unavailable");
		expect(await ctx.audit.list({ action: "sign-in-failed" })).toMatchObject([
			{ details: { method: "oidc", reason: "unavailable" } },
		]);
	});

	test("an answer without this browser's flow is refused, and the refusal is in the audit trail", async () => {
		const ctx = await context({ oidc: oidc(provider.issuer) });
		const answer = await finishOidc(
			new Request("http://127.0.0.1:4321/api/trainer/oidc/callback?code=stolen&state=guessed"),
			meta,
			ctx,
		);
		expect(answer.headers.get("location")).toBe("/de/trainer/login/?sso=state");
		expect(await ctx.audit.list({ action: "sign-in-failed" })).toMatchObject([
			{ actor: "single sign-on", details: { method: "oidc", reason: "state" } },
		]);
	});
});
