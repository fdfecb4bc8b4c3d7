import { describe, expect, test } from "vitest";
import { readConfig } from "../../../src/server/config.ts";
import { login } from "../../../src/server/trainer-session.ts";
import { clientKey, isHttps, readCookie } from "../../../src/server/request.ts";
import { config, context, meta, password } from "./support.ts";

const forwarded = (url: string) =>
	new Request(url, {
		headers: { "X-Forwarded-For": "203.0.113.9, 198.51.100.7", "X-Forwarded-Proto": "https" },
	});

describe("request details", () => {
	test("forwarded headers count only behind a trusted proxy, and only the proxy's own entry", () => {
		const request = forwarded("http://127.0.0.1/api/attempts");
		expect(clientKey(request, meta, config())).toBe(meta.clientAddress);
		expect(isHttps(request, config())).toBe(false);
		expect(clientKey(request, meta, config({ trustProxy: true }))).toBe("198.51.100.7");
		expect(isHttps(request, config({ trustProxy: true }))).toBe(true);
		expect(isHttps(new Request("https://trainer.example/"), config())).toBe(true);
	});

	test("the session cookie is Secure over https", async () => {
		const ctx = await context();
		const result = await login(
			new Request("https://trainer.example/api/trainer/login"),
			meta,
			ctx,
			password,
		);
		expect(result.ok && result.cookies[0]).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
	});

	test("cookies are read by exact name", () => {
		const request = new Request("http://x/", {
			headers: { Cookie: "st_trainer_old=a; st_trainer=b=c; other=d" },
		});
		expect(readCookie(request, "st_trainer")).toBe("b=c");
		expect(readCookie(request, "missing")).toBeUndefined();
	});

	test("configuration from the environment, with clear errors for bad values", () => {
		expect(readConfig({})).toMatchObject({
			sync: "normal",
			trainerPassword: undefined,
			submitPerMinute: 60,
			loginPerMinute: 10,
			sessionHours: 8,
			trustProxy: false,
		});
		expect(readConfig({}).dbPath).toMatch(/data\/scores\.db$/);
		expect(
			readConfig({ TRAINER_PASSWORD: "", SCORES_SYNC: "full", TRUST_PROXY: "1" }),
		).toMatchObject({
			trainerPassword: undefined,
			sync: "full",
			trustProxy: true,
		});
		expect(() => readConfig({ RATE_LIMIT_PER_MINUTE: "lots" })).toThrow(/RATE_LIMIT_PER_MINUTE/);
		expect(() => readConfig({ SCORES_SYNC: "off" })).toThrow(/SCORES_SYNC/);
	});
});
