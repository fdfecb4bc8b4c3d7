import { expect, test } from "@playwright/test";
import { referenceAttempt, signIn, submit } from "./support.ts";

// The score API against the built server (playwright.config.ts starts it with a test database).

test("health is public", async ({ request }) => {
	const response = await request.get("/api/health");
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ ok: true, store: "ready" });
});

test("a valid attempt is stored with the server's score, whatever score it claims", async ({
	request,
	playwright,
}) => {
	const attempt = referenceAttempt({ hintsUsed: 3, claimedScore: 100 });
	const response = await submit(request, attempt);
	expect(response.status()).toBe(201);
	expect(await response.json()).toMatchObject({
		id: attempt.id,
		stored: true,
		grade: { score: 94, passed: true, findings: [{ rule: "hints-used" }] },
	});

	// A failing log claiming full marks: stored as failed with the server's score.
	const failing = referenceAttempt({ events: [], claimedScore: 100 });
	const failed = await (await submit(request, failing)).json();
	expect(failed.grade).toMatchObject({ passed: false });
	expect(failed.grade.score).toBeLessThan(100);

	const trainer = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
	await signIn(trainer);
	expect(await (await trainer.get(`/api/attempts/${attempt.id}`)).json()).toMatchObject({
		score: 94,
		claimedScore: 100,
		passed: true,
	});
	expect(await (await trainer.get(`/api/attempts/${failing.id}`)).json()).toMatchObject({
		score: failed.grade.score,
		passed: false,
	});
	const list = await trainer.get(`/api/attempts?cohort=${attempt.trainee!.cohort}`);
	expect(list.headers()["server-timing"]).toMatch(/^list;dur=/);
	expect(await list.json()).toMatchObject({ total: 1, items: [{ id: attempt.id, score: 94 }] });
	await trainer.dispose();
});

test("sending the same attempt again changes nothing", async ({ request }) => {
	const attempt = referenceAttempt({ hintsUsed: 1 });
	expect((await submit(request, attempt)).status()).toBe(201);
	const again = await submit(request, attempt);
	expect(again.status()).toBe(200);
	expect(await again.json()).toMatchObject({ stored: false, grade: { score: 98 } });
	const other = await submit(request, { ...attempt, hintsUsed: 0 });
	expect(other.status()).toBe(409);
});

test.describe("bad submissions get a 4xx and store nothing", () => {
	const valid = () => referenceAttempt();
	const cases: [string, () => { data: string; id?: string }, number, string][] = [
		["malformed JSON", () => ({ data: '{"id": "x",' }), 400, "malformed-json"],
		[
			"wrong types",
			() => {
				const a = valid();
				return { id: a.id, data: JSON.stringify({ ...a, hintsUsed: "none", locale: 7 }) };
			},
			422,
			"invalid-attempt",
		],
		[
			"missing fields",
			() => {
				const { events: _e, startedAt: _s, ...a } = valid();
				return { id: a.id, data: JSON.stringify(a) };
			},
			422,
			"invalid-attempt",
		],
		[
			"a 300 KB body",
			() => {
				const a = valid();
				return { id: a.id, data: JSON.stringify({ ...a, appVersion: "x".repeat(300 * 1024) }) };
			},
			413,
			"payload-too-large",
		],
		[
			"an unknown scenario",
			() => {
				const a = valid();
				return { id: a.id, data: JSON.stringify({ ...a, scenario: { id: "moon-base", seed: 1 } }) };
			},
			422,
			"unknown-scenario",
		],
		[
			"an event log that does not replay",
			() => {
				const a = valid();
				// The order placed twice, both recorded as accepted: the model refuses the second.
				const events = [a.events[0]!, ...a.events];
				return { id: a.id, data: JSON.stringify({ ...a, events }) };
			},
			422,
			"log-does-not-replay",
		],
	];
	for (const [name, make, status, error] of cases) {
		test(name, async ({ request, playwright }) => {
			const { data, id } = make();
			const response = await request.post("/api/attempts", {
				// Bytes, so Playwright sends them as they are instead of encoding a string as JSON.
				data: Buffer.from(data),
				headers: { "Content-Type": "application/json" },
			});
			expect(response.status()).toBe(status);
			const body = await response.json();
			expect(body).toEqual({ error, message: expect.any(String) });
			expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+:\d+/);
			if (id !== undefined) {
				const trainer = await playwright.request.newContext({
					baseURL: test.info().project.use.baseURL,
				});
				await signIn(trainer);
				expect((await trainer.get(`/api/attempts/${id}`)).status()).toBe(404);
				await trainer.dispose();
			}
		});
	}
});

test("trainer routes answer 401 without a session and with a wrong one; pages send to sign-in", async ({
	playwright,
}) => {
	const api = ["/api/attempts", "/api/attempts/x", "/api/attempts.csv"];
	const pages = [
		"/de/trainer/",
		"/en/trainer/summary/?cohort=K%C3%B6ln",
		"/de/trainer/attempts/x/",
	];
	for (const cookie of [undefined, "st_trainer=not-a-session"]) {
		const context = await playwright.request.newContext({
			baseURL: test.info().project.use.baseURL,
			extraHTTPHeaders: cookie ? { Cookie: cookie } : {},
		});
		for (const route of api) {
			const response = await context.get(route);
			expect(response.status(), `${route} with ${cookie ?? "no cookie"}`).toBe(401);
			expect(await response.json()).toMatchObject({ error: "unauthorized" });
		}
		for (const route of pages) {
			const response = await context.get(route, { maxRedirects: 0 });
			expect(response.status(), `${route} with ${cookie ?? "no cookie"}`).toBe(303);
			const login = new URL(response.headers().location!, "http://x");
			expect(login.pathname).toBe(`${route.slice(0, 3)}/trainer/login/`);
			const next = login.searchParams.get("next");
			expect(next === null ? route.slice(0, 12) : next).toBe(route);
			expect(response.headers()["cache-control"]).toBe("no-store");
		}
		await context.dispose();
	}
	const context = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
	const wrong = await context.post("/api/trainer/login", {
		data: { email: "admin", password: "guess" },
	});
	expect(wrong.status()).toBe(401);
	expect((await context.get("/api/attempts")).status()).toBe(401);
	await context.dispose();
});

test("the session cookie is HttpOnly and SameSite=Strict; logout ends the session", async ({
	playwright,
}) => {
	const context = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
	const login = await context.post("/api/trainer/login", {
		data: { email: "admin", password: "e2e-trainer-password" },
	});
	// The session, and the device cookie that marks this client as one that signed in before.
	const [session, device] = (login.headers()["set-cookie"] ?? "").split("\n");
	expect(session).toMatch(
		/^st_trainer=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
	);
	expect(device).toMatch(/^st_device=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
	expect((await context.get("/api/attempts")).status()).toBe(200);
	// Astro's origin check wants a same-origin Origin on body-less POSTs, as browsers send it.
	const logout = await context.post("/api/trainer/logout", {
		headers: { Origin: test.info().project.use.baseURL! },
	});
	expect(logout.status()).toBe(204);
	expect((await context.get("/api/attempts")).status()).toBe(401);
	await context.dispose();
});

test("the CSV is UTF-8 with a byte order mark and holds the attempt", async ({
	request,
	playwright,
}) => {
	const attempt = referenceAttempt({ trainee: { name: "Jürgen Größe", cohort: "Köln-1" } });
	await submit(request, attempt);
	const trainer = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
	await signIn(trainer);
	const response = await trainer.get(`/api/attempts.csv?cohort=${encodeURIComponent("Köln-1")}`);
	expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
	const bytes = await response.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.subarray(3).toString("utf8");
	expect(text).toContain(`${attempt.id},`);
	expect(text).toContain(",Köln-1,Jürgen Größe,first-handover,3,,assessment,de,100,1,");
	await trainer.dispose();
});
