import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };
import { encodeCompletionCode } from "../../../src/simulator/attempt/completion-code.ts";
import { rawRequest as raw } from "../../support/raw-request.ts";
import {
	referenceAttempt,
	signIn,
	startServer,
	startServerExpectingExit,
	submit,
	trainerPassword,
	uniqueCohort,
} from "./support.ts";
import { texts } from "./texts.ts";

// The server as an attacker and an operator meet it: limits, methods, odd input, error answers.
test.describe.configure({ mode: "parallel" });

const baseURL = () => test.info().project.use.baseURL!;

async function trainerContext(
	playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
	url = baseURL(),
) {
	const context = await playwright.request.newContext({ baseURL: url });
	await signIn(context);
	return context;
}

test("a trainer password shorter than 15 characters stops the server with a clear message", async () => {
	const { code, output } = await startServerExpectingExit({ TRAINER_PASSWORD: "x" });
	expect(code).toBe(1);
	expect(output).toContain(
		"The server cannot start: TRAINER_PASSWORD must be at least 15 characters long, got 1.",
	);
	expect(output).toContain(
		"Hint: Choose a longer one, or leave it unset to have a strong one generated on the first start.",
	);
	expect(output).not.toMatch(/\bat .+:\d+:\d+/);
});

test("a slow body is cut off with 408, and connections beyond the cap are closed", async () => {
	const server = await startServer({ REQUEST_TIMEOUT_SECONDS: "2", MAX_CONNECTIONS: "4" });
	try {
		const { hostname, port } = new URL(server.url);
		const slow = net.connect(Number(port), hostname);
		slow.write(
			"POST /api/attempts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
		);
		let answer = "";
		slow.on("data", (d) => (answer += String(d)));
		const started = Date.now();
		await new Promise((resolve) => slow.on("close", resolve));
		expect(answer).toMatch(/^HTTP\/1\.1 408/);
		expect(Date.now() - started).toBeLessThan(6_000);

		const sockets = Array.from({ length: 7 }, () => net.connect(Number(port), hostname));
		await Promise.all(sockets.map((s) => new Promise((r) => s.once("connect", r))));
		await new Promise((r) => setTimeout(r, 300));
		// Connections the test's own health checks keep alive count too: at most four stay open.
		const open = sockets.filter((s) => !s.destroyed && s.readyState === "open").length;
		expect(open).toBeLessThanOrEqual(4);
		expect(open).toBeGreaterThan(0);
		for (const s of sockets) s.destroy();
		await new Promise((r) => setTimeout(r, 300));
		expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
	} finally {
		await server.stop();
	}
});

test("methods a route does not answer are 405 with Allow and a body, TRACE included", async () => {
	for (const [method, path, allow] of [
		["TRACE", "/api/attempts", "GET, HEAD, POST"],
		["PUT", "/api/attempts", "GET, HEAD, POST"],
		["DELETE", "/api/attempts/x", "GET, HEAD"],
		["GET", "/api/trainer/login", "POST"],
		["TRACE", "/de/trainer/", "GET, HEAD"],
		["PUT", "/de/trainer/", "GET, HEAD"],
		["POST", "/de/staging/", "GET, HEAD"],
		["OPTIONS", "/", "GET, HEAD"],
	] as const) {
		const answer = await raw(baseURL(), method, path);
		expect(answer.status, `${method} ${path}`).toBe(405);
		expect(answer.headers.allow, `${method} ${path}`).toBe(allow);
		expect(answer.body.length, `${method} ${path}`).toBeGreaterThan(0);
		if (path.startsWith("/api/"))
			expect(JSON.parse(answer.body)).toMatchObject({ error: "method-not-allowed" });
	}
});

test("a sign-in link with any character in `next` redirects, never a 500", async ({
	playwright,
}) => {
	const context = await playwright.request.newContext({ baseURL: baseURL() });
	const page = await context.get("/de/trainer/login/?next=/de/trainer/%E2%82%AC");
	expect(page.status()).toBe(200);
	const response = await context.post("/de/trainer/login/", {
		form: { email: "admin", password: trainerPassword, next: "/de/trainer/?cohort=Köln€" },
		headers: { Origin: baseURL() },
		maxRedirects: 0,
	});
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe("/de/trainer/?cohort=K%C3%B6ln%E2%82%AC");
	// Signed in, the same link on the sign-in page redirects straight on.
	const again = await context.get("/en/trainer/login/?next=/en/trainer/%E2%82%AC", {
		maxRedirects: 0,
	});
	expect(again.status()).toBe(303);
	expect(again.headers().location).toBe("/en/trainer/%E2%82%AC");
	await context.dispose();
});

test("attempt ids must be safe in a URL; one that is opens from the dashboard", async ({
	request,
	playwright,
	page,
}) => {
	for (const id of ["a/b", "a?b", "a#b", "a:b", "a@b", "a%2Fb", "../x", ".hidden", "a b", ""]) {
		const response = await submit(request, referenceAttempt({ id }));
		expect(response.status(), id).toBe(422);
		expect(await response.json(), id).toMatchObject({
			error: "invalid-attempt",
			message: expect.stringMatching(/^id: /),
		});
	}
	const cohort = uniqueCohort();
	const good = referenceAttempt({
		// Every allowed kind of character; unique, as the test database outlives a run.
		id: `attempt.${cohort}_x~1`,
		trainee: { name: "Ute Url", cohort },
	});
	expect((await submit(request, good)).status()).toBe(201);
	const trainer = await trainerContext(playwright);
	expect((await trainer.get(`/api/attempts/${good.id}`)).status()).toBe(200);
	await trainer.dispose();
	await signIn(page.request);
	await page.goto(`/de/trainer/?cohort=${cohort}`);
	await page.getByRole("link", { name: "Ute Url" }).click();
	await expect(page.getByRole("heading", { level: 1 })).toHaveText(
		texts("de")("trainer.attempt.title", { name: "Ute Url" }),
	);
});

test("names are stored without invisible characters, so look-alikes are one trainee", async ({
	request,
	playwright,
}) => {
	const cohort = uniqueCohort();
	const names = [
		"Jana Beispiel",
		"Jana\u200b Beispiel",
		"\u202eJana Beispiel",
		"Jana\u2066 Beispiel\u2069",
		"Jana  Beispiel\ufeff",
		"Jana\u00a0Beispiel",
	];
	for (const name of names) {
		expect(
			(
				await submit(request, referenceAttempt({ trainee: { name, cohort: `${cohort}\u200d` } }))
			).status(),
		).toBe(201);
	}
	// Decomposed (NFD) umlauts become the composed form.
	expect(
		(
			await submit(request, referenceAttempt({ trainee: { name: "Ju\u0308rgen", cohort } }))
		).status(),
	).toBe(201);
	const trainer = await trainerContext(playwright);
	const list = await (await trainer.get(`/api/attempts?cohort=${cohort}&pageSize=200`)).json();
	expect(new Set(list.items.map((i: { trainee: string }) => i.trainee))).toEqual(
		new Set(["Jana Beispiel", "Jürgen"]),
	);
	const byName = await (
		await trainer.get(`/api/attempts?cohort=${cohort}&trainee=J%C3%BCrgen`)
	).json();
	expect(byName.total).toBe(1);
	await trainer.dispose();
});

test("date filters: the last day of 9999 matches; impossible ranges are named in the trainer's language", async ({
	request,
	playwright,
	page,
}) => {
	const cohort = uniqueCohort();
	expect(
		(await submit(request, referenceAttempt({ trainee: { name: "Dora Date", cohort } }))).status(),
	).toBe(201);
	const trainer = await trainerContext(playwright);
	const total = async (query: string) =>
		(await (await trainer.get(`/api/attempts?cohort=${cohort}&${query}`)).json()).total;
	expect(await total("to=9999-12-31")).toBe(1);
	expect(await total("from=2026-01-01&to=9999-12-31")).toBe(1);
	expect(await total("from=9999-12-31")).toBe(0);
	for (const query of ["from=2026-03-01&to=2026-02-01", "from=0999-01-01", "to=10000-01-01"]) {
		const response = await trainer.get(`/api/attempts?${query}`);
		expect(response.status(), query).toBe(400);
		expect(await response.json()).toMatchObject({ error: "bad-request" });
	}
	await trainer.dispose();
	await signIn(page.request);
	for (const [locale, t] of [
		["de", texts("de")],
		["en", texts("en")],
	] as const) {
		await page.goto(`/${locale}/trainer/?cohort=${cohort}&from=2026-03-01&to=2026-02-01`);
		await expect(
			page
				.getByRole("status")
				.filter({ hasText: t("trainer.list.invalid", { fields: t("trainer.list.to") }) }),
		).toBeVisible();
	}
});

test("the sign-in page answers 200 and a normal visit logs no console error", async ({ page }) => {
	const errors: string[] = [];
	page.on("console", (m) => {
		if (m.type() === "error") errors.push(m.text());
	});
	for (const locale of ["de", "en"] as const) {
		const t = texts(locale);
		const response = await page.goto(`/${locale}/trainer/`);
		expect(response?.status()).toBe(200);
		await expect(page).toHaveURL(`/${locale}/trainer/login/`);
		await expect(page.getByLabel(t("trainer.login.password"))).toBeVisible();
	}
	expect(errors).toEqual([]);
});

test("only the sign-in page may be indexed; every other trainer page says noindex", async ({
	request,
}) => {
	for (const locale of ["de", "en"] as const) {
		const login = await request.get(`/${locale}/trainer/login/`);
		expect(login.headers()["x-robots-tag"]).toBeUndefined();
		expect(await login.text()).not.toMatch(/name="robots"[^>]*noindex/);
		expect(login.headers()["cache-control"]).toBe("no-store");
		const attempts = await request.get(`/${locale}/trainer/`, { maxRedirects: 0 });
		expect(attempts.headers()["x-robots-tag"]).toBe("noindex, nofollow");
	}
});

test("an import of more than 100 entries reads the first 100 and lists the rest as not imported", async ({
	page,
}) => {
	await signIn(page.request);
	const cohort = uniqueCohort();
	const codes = await Promise.all(
		Array.from({ length: 103 }, (_, i) =>
			encodeCompletionCode(referenceAttempt({ trainee: { name: `Bulk ${i + 1}`, cohort } })),
		),
	);
	const t = texts("de");
	await page.goto("/de/trainer/import/");
	await page.getByLabel(t("trainer.import.codes")).fill(codes.join("\n"));
	await page.getByRole("button", { name: t("trainer.import.submit") }).click();
	await expect(
		page
			.getByRole("status")
			.filter({ hasText: t("trainer.import.overLimit", { max: 100, count: 103, rest: 3 }) }),
	).toBeVisible();
	const results = page.getByRole("table", { name: t("trainer.import.resultsCaption") });
	await expect(results.getByRole("row")).toHaveCount(104);
	await expect(
		results.getByRole("row").filter({ hasText: t("trainer.import.skipped") }),
	).toHaveCount(3);
	await expect(results.getByRole("row", { name: /Code 103/ })).toContainText(
		t("trainer.problems.over-limit", { max: 100 }),
	);
	await page.goto(`/de/trainer/?cohort=${cohort}`);
	await expect(page.getByText(t("trainer.list.matches", { count: 100 }))).toBeVisible();
});

test("a damaged import form is reported as damaged, not as too large", async ({ playwright }) => {
	const trainer = await trainerContext(playwright);
	const response = await trainer.post("/en/trainer/import/", {
		headers: { "Content-Type": "multipart/form-data; boundary=xyz", Origin: baseURL() },
		data: Buffer.from('--xyz\r\nContent-Disposition: form-data; name="codes"\r\n\r\nST1.abc'),
	});
	expect(response.status()).toBe(400);
	const html = await response.text();
	expect(html).toContain(en.trainer.import.malformed);
	expect(html).not.toContain(en.trainer.import.tooLarge.slice(0, 20));
	await trainer.dispose();
});

test("guessing from five addresses gets no more than the limit for all addresses", async ({
	playwright,
}) => {
	// Small limits, so that no token comes back (one every 10 s) while the burst is checked.
	const server = await startServer({
		TRUST_PROXY: "1",
		LOGIN_RATE_LIMIT_PER_MINUTE: "4",
		LOGIN_GLOBAL_RATE_LIMIT_PER_MINUTE: "6",
	});
	try {
		const context = await playwright.request.newContext({ baseURL: server.url });
		const statuses = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				context
					.post("/api/trainer/login", {
						// At accounts of their own, so that the per-account limit does not count.
						data: { email: `guess-${i}@example.com`, password: `guess-${i}` },
						headers: { "X-Forwarded-For": `198.51.100.${i % 5}` },
					})
					.then((r) => r.status()),
			),
		);
		expect(statuses.filter((s) => s === 401)).toHaveLength(6);
		expect(statuses.filter((s) => s === 429)).toHaveLength(14);
		await context.dispose();
	} finally {
		await server.stop();
	}
});

test("guessing from the trainer's address, or its whole IPv6 network, cannot lock out a browser that signed in before", async ({
	playwright,
}) => {
	// One token every 20 s per address: none comes back during the test.
	const server = await startServer({
		TRUST_PROXY: "1",
		LOGIN_RATE_LIMIT_PER_MINUTE: "3",
		LOGIN_GLOBAL_RATE_LIMIT_PER_MINUTE: "1000",
	});
	try {
		const context = await playwright.request.newContext({ baseURL: server.url });
		let guess = 0;
		const login = (address: string, password: string, cookie?: string) =>
			context.post("/api/trainer/login", {
				// Each guess goes at an account of its own, so that only the address's limit counts
				// here; the per-account limit has a unit test of its own.
				data: {
					email: password === trainerPassword ? "admin" : `someone-${guess++}@example.com`,
					password,
				},
				headers: { "X-Forwarded-For": address, ...(cookie ? { Cookie: cookie } : {}) },
			});
		for (const [office, guessers] of [
			["192.0.2.10", ["192.0.2.10"]],
			["2001:db8:1:2::10", ["2001:db8:1:2::a", "2001:db8:1:2::b", "2001:db8:1:2:ffff::c"]],
		] as const) {
			// The trainer signs in once from the office; the browser keeps its device cookie.
			const first = await login(office, trainerPassword);
			expect(first.status()).toBe(204);
			const cookies = first.headers()["set-cookie"]!.split("\n");
			const device = cookies.find((c) => c.startsWith("st_device="))!.split(";")[0]!;
			await context.clearCookies();
			// Someone at the same address (or elsewhere in the same /64) guesses...
			const statuses: number[] = [];
			for (let i = 0; i < 5; i++)
				statuses.push((await login(guessers[i % guessers.length]!, "guess")).status());
			expect(statuses).toEqual([401, 401, 401, 429, 429]);
			// ...so new browsers there wait, but the trainer's own browser does not.
			expect((await login(office, trainerPassword)).status()).toBe(429);
			expect((await login(office, trainerPassword, device)).status()).toBe(204);
			await context.clearCookies();
		}
		await context.dispose();
	} finally {
		await server.stop();
	}
});

test("a stored attempt that cannot be read gives an error page and JSON, never an empty 500", async ({
	playwright,
}) => {
	const server = await startServer();
	try {
		const attempt = referenceAttempt({ trainee: { name: "Rita Rot", cohort: "c" } });
		expect(
			(
				await fetch(`${server.url}/api/attempts`, {
					method: "POST",
					headers: { "Content-Type": "application/json" },
					body: JSON.stringify(attempt),
				})
			).status,
		).toBe(201);
		const db = new DatabaseSync(server.dbPath);
		db.prepare("UPDATE attempt_bodies SET attempt = '{broken' WHERE id = ?").run(attempt.id);
		db.close();
		const trainer = await trainerContext(playwright, server.url);
		const page = await trainer.get(`/de/trainer/attempts/${attempt.id}/`);
		expect(page.status()).toBe(500);
		const html = await page.text();
		expect(html).toContain(de.site.errorTitle);
		expect(html).toContain(en.site.errorTitle);
		const api = await trainer.get(`/api/attempts/${attempt.id}`);
		expect(api.status()).toBe(500);
		expect(await api.json()).toEqual({
			error: "internal",
			message: "The server could not handle the request.",
		});
		await trainer.dispose();
	} finally {
		await server.stop();
	}
});

test("started without the server shell, the site refuses on-demand requests instead of trusting forwarded headers", async () => {
	const dir = mkdtempSync(join(tmpdir(), "staging-trainer-bare-"));
	// The build's own server, as `node dist/server/entry.mjs` or `astro preview` would start it.
	const child = spawn(process.execPath, ["dist/server/entry.mjs"], {
		env: {
			...process.env,
			HOST: "127.0.0.1",
			PORT: "0",
			SCORES_DB: join(dir, "scores.db"),
			TRAINER_PASSWORD: trainerPassword,
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	try {
		let output = "";
		child.stdout.on("data", (d) => (output += String(d)));
		child.stderr.on("data", (d) => (output += String(d)));
		await expect
			.poll(() => /listening on (http:\/\/[\d.:]+)/.exec(output)?.[1], { timeout: 20_000 })
			.toBeTruthy();
		const url = /listening on (http:\/\/[\d.:]+)/.exec(output)![1]!;
		const api = await fetch(`${url}/api/health`, { headers: { "X-Forwarded-For": "203.0.113.9" } });
		expect(api.status).toBe(500);
		expect(await api.json()).toMatchObject({
			error: "internal",
			message: expect.stringContaining("npm start"),
		});
		expect((await fetch(`${url}/de/trainer/login/`)).status).toBe(500);
		// The prerendered guide is only files; it is still served.
		expect((await fetch(`${url}/de/`)).status).toBe(200);
	} finally {
		child.kill("SIGKILL");
		rmSync(dir, { recursive: true, force: true });
	}
});
