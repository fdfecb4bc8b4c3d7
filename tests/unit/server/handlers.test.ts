import { describe, expect, test } from "vitest";
import { signInCookie } from "../../../src/server/access/trainer-auth.ts";
import { guard } from "../../../src/server/errors.ts";
import { exportCsv } from "../../../src/server/handlers/csv.ts";
import { getAttempt } from "../../../src/server/handlers/get.ts";
import { listAttempts } from "../../../src/server/handlers/list.ts";
import { loginHandler, logoutHandler } from "../../../src/server/handlers/sign-in.ts";
import { submitAttempt } from "../../../src/server/handlers/submit.ts";
import type { ServerContext } from "../../../src/server/context.ts";
import { attempt, meta, password, post, stores } from "./support.ts";

async function signIn(ctx: ServerContext): Promise<string> {
	const response = await guard(() =>
		loginHandler(
			new Request("http://127.0.0.1/api/trainer/login", {
				method: "POST",
				headers: { "Content-Type": "application/json" },
				body: JSON.stringify({ email: "admin", password }),
			}),
			meta,
			ctx,
		),
	);
	expect(response.status).toBe(204);
	const cookie = response.headers.get("set-cookie")!;
	expect(cookie).toMatch(/HttpOnly/);
	expect(cookie).toMatch(/SameSite=Strict/);
	expect(cookie).not.toMatch(/Secure/);
	return cookie.split(";")[0]!;
}

function get(path: string, cookie?: string): Request {
	return new Request(`http://127.0.0.1${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

async function body(response: Response): Promise<Record<string, unknown>> {
	return (await response.json()) as Record<string, unknown>;
}

// The contract suite: the same behaviour from every score store (see support.ts).
describe.each(stores)("$name store", ({ context }) => {
	describe("POST /api/attempts", () => {
		test("stores the attempt with the server's grade and answers it; again is idempotent", async () => {
			const ctx = await context();
			const forged = attempt({ hintsUsed: 5, claimedScore: 100 });
			const first = await guard(() => submitAttempt(post(JSON.stringify(forged)), meta, ctx));
			expect(first.status).toBe(201);
			const answer = await body(first);
			expect(answer).toMatchObject({
				id: forged.id,
				stored: true,
				grade: { score: 90, passed: true },
			});
			const again = await guard(() => submitAttempt(post(JSON.stringify(forged)), meta, ctx));
			expect(again.status).toBe(200);
			expect(await body(again)).toMatchObject({ stored: false, grade: { score: 90 } });
			const changed = await guard(() =>
				submitAttempt(post(JSON.stringify({ ...forged, hintsUsed: 0 })), meta, ctx),
			);
			expect(changed.status).toBe(409);
			expect(await ctx.attempts.get(forged.id)).toMatchObject({ score: 90, claimedScore: 100 });
		});

		test.each<[string, () => Request, number, string]>([
			["malformed JSON", () => post("{"), 400, "malformed-json"],
			[
				"a wrong type",
				() => post(JSON.stringify({ ...attempt(), seed: "x", hintsUsed: "1" })),
				422,
				"invalid-attempt",
			],
			[
				"a missing field",
				() => post(JSON.stringify({ ...attempt(), events: undefined })),
				422,
				"invalid-attempt",
			],
			[
				"an unknown scenario",
				() => post(JSON.stringify(attempt({ scenario: { id: "nope", seed: 1 }, events: [] }))),
				422,
				"unknown-scenario",
			],
			[
				"a log that does not replay",
				() => {
					const a = attempt();
					return post(
						JSON.stringify({ ...a, events: [a.events[0], a.events[0], ...a.events.slice(1)] }),
					);
				},
				422,
				"log-does-not-replay",
			],
			[
				"another content type",
				() => post(JSON.stringify(attempt()), { "Content-Type": "text/plain" }),
				415,
				"unsupported-media-type",
			],
			["300 KB declared", () => post(" ".repeat(300 * 1024)), 413, "payload-too-large"],
			[
				"300 KB streamed without a length",
				() =>
					new Request("http://127.0.0.1/api/attempts", {
						method: "POST",
						headers: { "Content-Type": "application/json" },
						body: new ReadableStream({
							start(controller) {
								for (let i = 0; i < 30; i++) controller.enqueue(new Uint8Array(10 * 1024).fill(32));
								controller.close();
							},
						}),
						duplex: "half",
					} as RequestInit),
				413,
				"payload-too-large",
			],
		])("%s: a 4xx error, nothing stored", async (_name, request, status, error) => {
			const ctx = await context();
			const response = await guard(() => submitAttempt(request(), meta, ctx));
			expect(response.status).toBe(status);
			const answer = await body(response);
			expect(answer).toEqual({ error, message: expect.any(String) });
			expect(JSON.stringify(answer)).not.toMatch(/\n\s+at /);
			expect(await ctx.attempts.count()).toBe(0);
		});

		test("the per-address rate limit answers 429 with Retry-After", async () => {
			const ctx = await context({ submitPerMinute: 2 });
			const send = (address: string) =>
				guard(() => submitAttempt(post("{"), { clientAddress: address }, ctx));
			expect((await send("192.0.2.1")).status).toBe(400);
			expect((await send("192.0.2.1")).status).toBe(400);
			const limited = await send("192.0.2.1");
			expect(limited.status).toBe(429);
			expect(limited.headers.get("retry-after")).toBe("30");
			expect((await send("192.0.2.2")).status).toBe(400);
		});

		test("an unexpected error is a generic 500 without internals", async () => {
			const ctx = await context();
			await ctx.db.close();
			const quiet = console.error;
			console.error = () => {};
			try {
				const response = await guard(() =>
					submitAttempt(post(JSON.stringify(attempt())), meta, ctx),
				);
				expect(response.status).toBe(500);
				expect(await body(response)).toEqual({
					error: "internal",
					message: "The server could not handle the request.",
				});
			} finally {
				console.error = quiet;
			}
		});
	});

	describe("trainer routes", () => {
		test("without or with a wrong session: 401", async () => {
			const ctx = await context();
			for (const cookie of [undefined, `${signInCookie}=forged`]) {
				for (const handler of [
					() => listAttempts(get("/api/attempts", cookie), ctx),
					() => getAttempt(get("/api/attempts/x", cookie), ctx, "x"),
					() => exportCsv(get("/api/attempts.csv", cookie), { clientAddress: "127.0.0.1" }, ctx),
				]) {
					const response = await guard(handler);
					expect(response.status).toBe(401);
					expect(await body(response)).toMatchObject({ error: "unauthorized" });
				}
			}
		});

		test("a wrong password is 401, and sign-in tries are rate-limited", async () => {
			const ctx = await context({ loginPerMinute: 2 });
			const attemptLogin = (pw: string) =>
				guard(() =>
					loginHandler(
						new Request("http://127.0.0.1/api/trainer/login", {
							method: "POST",
							headers: { "Content-Type": "application/x-www-form-urlencoded" },
							body: new URLSearchParams({ email: "admin", password: pw }).toString(),
						}),
						meta,
						ctx,
					),
				);
			expect((await attemptLogin("wrong")).status).toBe(401);
			// A correct password gives its token back.
			expect((await attemptLogin(password)).status).toBe(204);
			expect((await attemptLogin("wrong")).status).toBe(401);
			const limited = await attemptLogin(password);
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
		});

		test("list, one attempt and CSV with a session; logout ends it", async () => {
			const ctx = await context();
			const name = '=HYPERLINK("x") Jürgen; "Jo"';
			await submitAttempt(
				post(JSON.stringify(attempt({ trainee: { name, cohort: "K" } }))),
				meta,
				ctx,
			);
			const cookie = await signIn(ctx);

			const list = await listAttempts(get("/api/attempts?cohort=K&sort=score", cookie), ctx);
			expect(list.headers.get("server-timing")).toMatch(/^list;dur=\d+(\.\d+)?$/);
			expect(await body(list)).toMatchObject({
				total: 1,
				page: 1,
				pages: 1,
				items: [{ trainee: name }],
			});
			const bad = await guard(() => listAttempts(get("/api/attempts?passed=maybe", cookie), ctx));
			expect(bad.status).toBe(400);

			const one = await body(
				await getAttempt(get("/api/attempts/attempt-1", cookie), ctx, "attempt-1"),
			);
			expect(one).toMatchObject({
				score: 100,
				attempt: { id: "attempt-1" },
				grade: { passed: true },
			});
			const missing = await guard(() => getAttempt(get("/api/attempts/x", cookie), ctx, "x"));
			expect(missing.status).toBe(404);

			const csv = await exportCsv(
				get("/api/attempts.csv?delimiter=semicolon", cookie),
				{ clientAddress: "127.0.0.1" },
				ctx,
			);
			expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
			const bytes = new Uint8Array(await csv.arrayBuffer());
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			// TextDecoder drops the byte order mark checked above.
			const lines = new TextDecoder().decode(bytes).split("\r\n");
			expect(lines[0]).toMatch(/^id;taken_at;/);
			// Quoted for the delimiter and quotes, and kept from becoming a formula.
			expect(lines[1]).toContain(`;"'=HYPERLINK(""x"") Jürgen; ""Jo""";`);

			const out = await logoutHandler(get("/api/trainer/logout", cookie), ctx);
			expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
			const after = await guard(() => listAttempts(get("/api/attempts", cookie), ctx));
			expect(after.status).toBe(401);
		});

		test("sessions expire", async () => {
			let now = Date.UTC(2026, 0, 1);
			const ctx = await context({ signInHours: 1 }, { now: () => now });
			const cookie = await signIn(ctx);
			expect((await listAttempts(get("/api/attempts", cookie), ctx)).status).toBe(200);
			now += 3_600_001;
			expect((await guard(() => listAttempts(get("/api/attempts", cookie), ctx))).status).toBe(401);
		});
	});
});
