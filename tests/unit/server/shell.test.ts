import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { createHttpServer } from "../../../src/server/http/server.ts";
import { createShell, pathOf, type Listener } from "../../../src/server/http/shell.ts";
import { allowedMethods, onDemandRoutes } from "../../../src/server/http/routes.ts";
import { rawRequest as send } from "../../support/raw-request.ts";
import { config } from "./support.ts";

const servers: http.Server[] = [];
afterEach(async () => {
	await Promise.all(
		servers.splice(0).map((s) => new Promise((resolve) => s.close(() => resolve(null)))),
	);
});

/** The shell around `handler`, listening on a loopback port. */
async function serve(handler: Listener, overrides = {}): Promise<string> {
	const cfg = config(overrides);
	const server = createHttpServer(createShell(handler, cfg), cfg);
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stand-in for the built site: answers with the headers it was given. */
const echo: Listener = (req, res) => {
	res.writeHead(200, { "Content-Type": "application/json" });
	res.end(JSON.stringify(req.headers));
};

describe("the server shell", () => {
	test("every route in src/pages that renders on demand is in the method table, with its methods", () => {
		const pages = join(import.meta.dirname, "../../../src/pages");
		const files = readdirSync(pages, { recursive: true, encoding: "utf8" }).filter((f) =>
			/\.(ts|astro)$/.test(f),
		);
		const onDemand = files.filter((f) =>
			/export const prerender = false/.test(readFileSync(join(pages, f), "utf8")),
		);
		expect(onDemand.length).toBeGreaterThan(10);
		for (const file of onDemand) {
			const source = readFileSync(join(pages, file), "utf8");
			const name =
				file.replace(/\.(ts|astro)$/, "").replace(/(^|\/)index$/, "") || "language redirect";
			const route = onDemandRoutes.find((r) => r.name === name);
			expect(route, `${file} has no entry in src/server/http/routes.ts`).toBeDefined();
			const methods = file.endsWith(".ts")
				? ["GET", "POST"].filter((m) => new RegExp(`export const ${m}\\b`).test(source))
				: ["GET", ...(/Astro\.request\.method [!=]== "POST"/.test(source) ? ["POST"] : [])];
			expect([...route!.methods].sort(), file).toEqual(methods.sort());
			// The route's own pattern matches a path of it.
			const example =
				`/${name.replace("[lang]", "de").replace(/\[id\]/g, "a-1")}${file.endsWith(".ts") ? "" : "/"}`.replace(
					/^\/language redirect\/?$/,
					"/",
				);
			expect(onDemandRoutes.find((r) => r.pattern.test(example))?.name, example).toBe(name);
		}
	});

	test("paths are matched as the router sees them", () => {
		expect(pathOf("/api//attempts?x=1#y")).toBe("/api/attempts");
		expect(pathOf("/de/trainer/%61ttempts/")).toBe("/de/trainer/attempts/");
		expect(pathOf("http://example.com/api/health")).toBe("/api/health");
		expect(pathOf("/%E0%A4%A")).toBe("/%E0%A4%A");
		expect(allowedMethods("/de/staging/")).toEqual(["GET", "HEAD"]);
		expect(allowedMethods("/api/attempts")).toEqual(["GET", "HEAD", "POST"]);
		expect(allowedMethods("/api/trainer/login")).toEqual(["POST"]);
	});

	test("any other method is a 405 with Allow and a body, before the site sees it", async () => {
		let reached = 0;
		const base = await serve((req, res) => {
			reached++;
			echo(req, res);
		});
		for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"]) {
			const api = await send(base, method, "/api/attempts");
			expect(api.status, method).toBe(405);
			expect(api.headers.allow).toBe("GET, HEAD, POST");
			expect(JSON.parse(api.body)).toMatchObject({ error: "method-not-allowed" });
			const page = await send(base, method, "/de/trainer/");
			expect(page.status).toBe(405);
			expect(page.body).toMatch(/not allowed/);
		}
		const toStatic = await send(base, "POST", "/de/staging/");
		expect(toStatic.status).toBe(405);
		expect(toStatic.headers.allow).toBe("GET, HEAD");
		expect((await send(base, "GET", "/api/trainer/login")).status).toBe(405);
		expect((await send(base, "POST", "/api/health")).status).toBe(405);
		expect(reached).toBe(0);
		expect((await send(base, "GET", "/de/staging/")).status).toBe(200);
		expect((await send(base, "POST", "/de/trainer/import/")).status).toBe(200);
	});

	test("security headers on every response; trainer pages and the API may not be framed", async () => {
		const base = await serve(echo);
		for (const path of ["/de/staging/", "/_astro/page.js", "/api/health", "/en/trainer/"]) {
			const { headers } = await send(base, "GET", path);
			expect(headers["x-content-type-options"], path).toBe("nosniff");
			expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
			expect(headers["permissions-policy"], path).toMatch(/camera=\(\)/);
			expect(headers["x-frame-options"], path).toBe(
				path.startsWith("/api/") || path.includes("/trainer/") ? "DENY" : undefined,
			);
		}
		// Also on the shell's own answers.
		expect((await send(base, "TRACE", "/de/")).headers["x-content-type-options"]).toBe("nosniff");
	});

	test("a failing handler is a 500 with a body, JSON under /api/", async () => {
		const base = await serve(async () => {
			throw new Error("boom");
		});
		const original = console.error;
		console.error = () => {};
		try {
			const api = await send(base, "GET", "/api/health");
			expect(api.status).toBe(500);
			expect(JSON.parse(api.body)).toEqual({
				error: "internal",
				message: "The server could not handle the request.",
			});
			const page = await send(base, "GET", "/de/");
			expect(page.status).toBe(500);
			expect(page.body).toMatch(/could not handle/);
		} finally {
			console.error = original;
		}
	});

	test("without TRUST_PROXY no forwarded header reaches the site", async () => {
		const base = await serve(echo);
		const { body } = await send(base, "GET", "/api/health", {
			"X-Forwarded-For": "203.0.113.9",
			"X-Forwarded-Proto": "https",
			"X-Forwarded-Host": "evil.example",
			"X-Forwarded-Port": "443",
		});
		expect(Object.keys(JSON.parse(body)).filter((h) => h.startsWith("x-forwarded"))).toEqual([]);
	});

	test("behind a trusted proxy only its own entries count, and the host is SITE_URL's", async () => {
		const base = await serve(echo, {
			trustProxy: true,
			trustedProxies: ["loopback"],
			siteUrl: new URL("https://training.example.com"),
		});
		const seen = JSON.parse(
			(
				await send(base, "GET", "/api/health", {
					"X-Forwarded-For": "6.6.6.6, 198.51.100.7",
					"X-Forwarded-Proto": "http, https",
					"X-Forwarded-Host": "evil.example",
					"X-Forwarded-Port": "8080",
				})
			).body,
		);
		expect(seen["x-forwarded-for"]).toBe("198.51.100.7");
		expect(seen["x-forwarded-proto"]).toBe("https");
		expect(seen["x-forwarded-host"]).toBe("training.example.com");
		expect(seen["x-forwarded-port"]).toBeUndefined();
		// A proxy that sends no X-Forwarded-Proto: SITE_URL's scheme.
		const bare = JSON.parse((await send(base, "GET", "/api/health")).body);
		expect(bare["x-forwarded-proto"]).toBe("https");
	});

	test("without SITE_URL a forwarded host is not believed; the proxy's Host header stands", async () => {
		const base = await serve(echo, { trustProxy: true, trustedProxies: ["loopback"] });
		const seen = JSON.parse(
			(await send(base, "GET", "/api/health", { "X-Forwarded-Host": "evil.example" })).body,
		);
		expect(seen["x-forwarded-host"]).toBeUndefined();
		expect(seen.host).toMatch(/^127\.0\.0\.1:\d+$/);
	});

	test("forwarded headers from anyone but the named proxy are dropped", async () => {
		const base = await serve(echo, { trustProxy: true, trustedProxies: ["192.0.2.80"] });
		const seen = JSON.parse(
			(
				await send(base, "GET", "/api/health", {
					"X-Forwarded-For": "203.0.113.9",
					"X-Forwarded-Proto": "https",
				})
			).body,
		);
		expect(Object.keys(seen).filter((h) => h.startsWith("x-forwarded"))).toEqual([]);
	});

	test("slow requests are cut off and connections are capped", async () => {
		// Like the site, it answers once the whole body has arrived.
		const reader: Listener = (req, res) => {
			req.resume();
			req.on("end", () => echo(req, res));
		};
		const base = await serve(reader, { requestTimeoutSeconds: 1, maxConnections: 2 });
		const { hostname, port } = new URL(base);
		const net = await import("node:net");
		// Headers, then a body that never completes.
		const slow = net.connect(Number(port), hostname);
		slow.write("POST /api/attempts HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
		let answer = "";
		slow.on("data", (d) => (answer += String(d)));
		const closed = await new Promise<number>((resolve) => {
			const started = Date.now();
			slow.on("close", () => resolve(Date.now() - started));
		});
		expect(answer).toMatch(/^HTTP\/1\.1 408/);
		expect(closed).toBeLessThan(4000);

		const sockets = Array.from({ length: 4 }, () => net.connect(Number(port), hostname));
		await Promise.all(sockets.map((s) => new Promise((r) => s.once("connect", r))));
		await new Promise((r) => setTimeout(r, 200));
		// At most two stay open (the header timeout may already have closed those two as well).
		expect(
			sockets.filter((s) => !s.destroyed && s.readyState === "open").length,
		).toBeLessThanOrEqual(2);
		expect(
			sockets.filter((s) => s.destroyed || s.readyState !== "open").length,
		).toBeGreaterThanOrEqual(2);
		for (const s of sockets) s.destroy();
	});
});
