import { describe, expect, test } from "vitest";
import { readConfig, redactedUrl } from "../../../src/server/config.ts";
import { signIn } from "../../../src/server/access/sign-in.ts";
import {
	addressKey,
	clientKey,
	isHttps,
	isTrustedProxy,
	readCookie,
} from "../../../src/server/request.ts";
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
		expect(
			clientKey(request, meta, config({ trustProxy: true, trustedProxies: ["loopback"] })),
		).toBe("198.51.100.7");
		expect(isHttps(request, config({ trustProxy: true }))).toBe(true);
		expect(isHttps(new Request("https://trainer.example/"), config())).toBe(true);
	});

	test("the session cookie is Secure over https", async () => {
		const ctx = await context();
		const result = await signIn(
			new Request("https://trainer.example/api/trainer/login"),
			meta,
			ctx,
			"admin",
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
			signInHours: 8,
			trustProxy: false,
		});
		expect(readConfig({}).dbPath).toMatch(/data\/scores\.db$/);
		expect(
			readConfig({ TRAINER_PASSWORD: "", SCORES_SYNC: "full", TRUST_PROXY: "1" }),
		).toMatchObject({
			trainerPassword: undefined,
			sync: "full",
			trustProxy: true,
			trustedProxies: ["loopback"],
		});
		expect(readConfig({ TRUST_PROXY: "10.0.0.5, ::1" }).trustedProxies).toEqual([
			"10.0.0.5",
			"::1",
		]);
		expect(() => readConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY must be 1/);
		expect(() => readConfig({ SITE_URL: "https://example.com/trainer/" })).toThrow(/SITE_URL/);
		expect(readConfig({ SITE_URL: "https://example.com:8443" }).siteUrl?.host).toBe(
			"example.com:8443",
		);
		expect(() => readConfig({ MAX_CONNECTIONS: "2.5" })).toThrow(/MAX_CONNECTIONS/);
		expect(() => readConfig({ RATE_LIMIT_PER_MINUTE: "lots" })).toThrow(/RATE_LIMIT_PER_MINUTE/);
		expect(() => readConfig({ SCORES_SYNC: "off" })).toThrow(/SCORES_SYNC/);
	});

	test("DATABASE_URL must be PostgreSQL's, and no message shows its password", () => {
		expect(readConfig({}).databaseUrl).toBeNull();
		expect(readConfig({ DATABASE_URL: " postgresql://u:p@db/trainer " }).databaseUrl).toBe(
			"postgresql://u:p@db/trainer",
		);
		expect(() => readConfig({ DATABASE_URL: "mysql://u:hunter2@db/x" })).toThrow(
			/DATABASE_URL must be a PostgreSQL address.*"mysql:\/\/u:\*\*\*@db\/x"/,
		);
		expect(() => readConfig({ DATABASE_URL: "mysql://u:hunter2@db/x" })).not.toThrow(/hunter2/);
		expect(redactedUrl("postgres://u:hunter2@db:5432/t?sslmode=require&password=also-secret")).toBe(
			"postgres://u:***@db:5432/t?sslmode=require&password=***",
		);
		expect(redactedUrl("postgres://db/t?sslpassword=s3cret&sslkey=/k")).not.toMatch(/s3cret|\/k/);
		expect(redactedUrl("not a url")).toBe("(not a URL)");
	});

	test("rate limits count an IPv6 client by its /64 network, an IPv4 one by its address", () => {
		expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
		expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
		expect(addressKey("2001:0db8:0001:0002:ffff::9")).toBe("2001:db8:1:2::/64");
		expect(addressKey("2001:db8::5")).toBe("2001:db8:0:0::/64");
		expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
		expect(addressKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
		expect(addressKey("192.0.2.7")).toBe("192.0.2.7");
		expect(addressKey("::1")).toBe("0:0:0:0::/64");
	});

	test("forwarded headers are believed only from the proxies TRUST_PROXY names", () => {
		const local = config({ trustProxy: true, trustedProxies: ["loopback"] });
		expect(isTrustedProxy("127.0.0.1", local)).toBe(true);
		expect(isTrustedProxy("::ffff:127.0.0.1", local)).toBe(true);
		expect(isTrustedProxy("::1", local)).toBe(true);
		expect(isTrustedProxy("192.0.2.1", local)).toBe(false);
		const named = config({ trustProxy: true, trustedProxies: ["10.0.0.5"] });
		expect(isTrustedProxy("10.0.0.5", named)).toBe(true);
		expect(isTrustedProxy("::ffff:10.0.0.5", named)).toBe(true);
		expect(isTrustedProxy("127.0.0.1", named)).toBe(false);
		expect(isTrustedProxy("127.0.0.1", config())).toBe(false);
	});
});
