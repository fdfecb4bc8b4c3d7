import { describe, expect, test } from "vitest";
import { deviceCookie, signInCookie } from "../../../../src/server/access/trainer-auth.ts";
import { ConfigError, readConfig } from "../../../../src/server/config.ts";
import { createSignInLimits } from "../../../../src/server/access/sign-in-limits.ts";
import { signIn as checkSignIn } from "../../../../src/server/access/sign-in.ts";
import { password, stores } from "../support.ts";

// The contract suite: the limits hold in every score store (see support.ts).
// Each sign-in try checks a scrypt hash (tens of milliseconds, more on a busy machine): the tests
// that make dozens of them get more than the default five seconds.
describe.each(stores)("$name store", { timeout: 30_000 }, ({ context, database, instances }) => {
	const signIn = (
		ctx: Awaited<ReturnType<typeof context>>,
		address: string,
		pw: string,
		cookie?: string,
		account = "admin",
	) =>
		checkSignIn(
			new Request("http://127.0.0.1/api/trainer/login", {
				method: "POST",
				headers: cookie ? { Cookie: cookie } : {},
			}),
			{ clientAddress: address },
			ctx,
			account,
			pw,
		);

	/** A context whose clock stands still, so no token comes back while the test runs (scrypt is slow). */
	const frozen = (overrides: Parameters<typeof context>[0]) =>
		context(overrides, { now: () => Date.UTC(2026, 0, 5, 8) });

	describe("sign-in limits", () => {
		test("five addresses together get no more guesses than the limit for all addresses", async () => {
			const ctx = await frozen({ loginPerMinute: 10, loginGlobalPerMinute: 30 });
			let checked = 0;
			for (let round = 0; round < 10; round++) {
				for (let a = 1; a <= 5; a++) {
					// Each at an account of its own, so that only the limit for all addresses counts.
					const result = await signIn(ctx, `198.51.100.${a}`, "guess", undefined, `u${a}@x.de`);
					if (result.ok || result.reason === "wrong-password") checked++;
				}
			}
			expect(checked).toBe(30);
		});

		test("one address alone can never use up the limit for all addresses", async () => {
			const ctx = await frozen({ loginPerMinute: 10, loginGlobalPerMinute: 30 });
			for (let i = 0; i < 50; i++) {
				await signIn(ctx, "198.51.100.66", "guess", undefined, `guess-${i}@example.com`);
			}
			const other = await signIn(ctx, "203.0.113.5", password);
			expect(other.ok).toBe(true);
		});

		test("many addresses get no more guesses at one account than its own limit; its trainer's browser still gets in", async () => {
			const ctx = await frozen({ loginPerMinute: 10, loginGlobalPerMinute: 1000 });
			const first = await signIn(ctx, "192.0.2.9", password);
			const device = first.ok ? first.cookies.find((c) => c.startsWith(deviceCookie)) : "";
			let checked = 0;
			for (let i = 1; i <= 30; i++) {
				const result = await signIn(ctx, `198.51.100.${i}`, "guess");
				if (!result.ok && result.reason === "wrong-password") checked++;
			}
			// The trainer's own sign-in just before gave its token back.
			expect(checked).toBe(10);
			expect((await signIn(ctx, "203.0.113.9", password)).ok).toBe(false);
			expect((await signIn(ctx, "203.0.113.9", "x", undefined, "anna@example.com")).ok).toBe(false);
			const known = await signIn(ctx, "203.0.113.9", password, device?.split(";")[0]);
			expect(known.ok).toBe(true);
		});

		test("the addresses of one IPv6 /64 network share one limit", async () => {
			const ctx = await frozen({ loginPerMinute: 10, loginGlobalPerMinute: 1000 });
			let checked = 0;
			for (let i = 1; i <= 30; i++) {
				const result = await signIn(
					ctx,
					`2001:db8:1:2::${i.toString(16)}`,
					"guess",
					undefined,
					`guess-${i}@example.com`,
				);
				if (!result.ok && result.reason === "wrong-password") checked++;
			}
			expect(checked).toBe(10);
			expect((await signIn(ctx, "2001:db8:1:3::1", password)).ok).toBe(true);
		});

		test("parallel guesses cannot slip past the per-address limit", async () => {
			const ctx = await frozen({ loginPerMinute: 10, loginGlobalPerMinute: 1000 });
			const results = await Promise.all(
				Array.from({ length: 40 }, () => signIn(ctx, "198.51.100.7", "guess")),
			);
			expect(results.filter((r) => !r.ok && r.reason === "wrong-password")).toHaveLength(10);
		});

		test("a browser that signed in before is not locked out by guessing from its address", async () => {
			const ctx = await frozen({ loginPerMinute: 5, loginGlobalPerMinute: 15 });
			const first = await signIn(ctx, "192.0.2.50", password);
			expect(first.ok).toBe(true);
			const cookies = first.ok ? first.cookies : [];
			expect(cookies[0]).toMatch(new RegExp(`^${signInCookie}=`));
			expect(cookies[1]).toMatch(
				new RegExp(`^${deviceCookie}=[\\w-]{43}; Path=/; Max-Age=\\d+; HttpOnly; SameSite=Strict$`),
			);
			const device = cookies[1]!.split(";")[0]!;

			// A colleague behind the same address (and a crowd elsewhere) guesses until both limits bite.
			for (let i = 0; i < 20; i++) await signIn(ctx, "192.0.2.50", "guess");
			for (let i = 0; i < 30; i++) await signIn(ctx, `198.51.100.${i}`, "guess");
			const stranger = await signIn(ctx, "192.0.2.50", password);
			expect(stranger).toMatchObject({ ok: false, reason: "rate-limited" });

			const trainer = await signIn(ctx, "192.0.2.50", password, device);
			expect(trainer.ok).toBe(true);
			// A known browser gets no second device cookie.
			expect(trainer.ok && trainer.cookies).toHaveLength(1);
			// A forged device cookie counts as none.
			const forged = await signIn(ctx, "192.0.2.50", password, `${deviceCookie}=${"x".repeat(43)}`);
			expect(forged).toMatchObject({ ok: false, reason: "rate-limited" });
		});
	});

	describe("several server instances on one store", () => {
		test("count sign-in tries together: a guesser gains nothing by changing instance", async () => {
			const clock = { now: () => Date.UTC(2026, 0, 5, 8) };
			const [a, b] = await instances({ loginPerMinute: 4, loginGlobalPerMinute: 1000 }, clock);
			const results = [];
			for (let i = 0; i < 6; i++)
				results.push(await signIn(i % 2 === 0 ? a : b, "203.0.113.9", "guess"));
			expect(results.map((r) => (r.ok ? "ok" : r.reason))).toEqual([
				"wrong-password",
				"wrong-password",
				"wrong-password",
				"wrong-password",
				"rate-limited",
				"rate-limited",
			]);
		});
	});

	describe("sign-in limits", () => {
		test("after as many failures in a row as the per-minute limit, each further one doubles the wait", async () => {
			let now = 0;
			const throttle = createSignInLimits(await database(), {
				perMinute: 3,
				globalPerMinute: 1000,
				now: () => now,
			});
			const fail = async () => {
				const decision = await throttle.begin("address:a", { global: true });
				if (decision.ok) await decision.ticket.failed();
				return decision.ok ? 0 : decision.retryAfter;
			};
			expect([await fail(), await fail(), await fail()]).toEqual([0, 0, 0]);
			// The bucket is empty: 20 s for the next token.
			expect(await fail()).toBe(20);
			now += 20_000;
			expect(await fail()).toBe(0);
			// Four failures in a row, one beyond the limit: 2 s, then 4 s, then 8 s.
			now += 20_000;
			expect(await fail()).toBe(0);
			expect(await fail()).toBeGreaterThanOrEqual(2);
			now += 20_000;
			expect(await fail()).toBe(0);
			expect(await fail()).toBeGreaterThanOrEqual(4);
			now += 60_000;
			// A correct password resets the count.
			const ok = await throttle.begin("address:a", { global: true });
			expect(ok.ok).toBe(true);
			if (ok.ok) await ok.ticket.succeeded();
			expect(await fail()).toBe(0);
		});

		test("the wait never grows beyond 15 minutes", async () => {
			let now = 0;
			const throttle = createSignInLimits(await database(), {
				perMinute: 1,
				globalPerMinute: 1000,
				now: () => now,
			});
			let longest = 0;
			for (let i = 0; i < 40; i++) {
				const decision = await throttle.begin("address:a", { global: true });
				if (decision.ok) await decision.ticket.failed();
				else {
					longest = Math.max(longest, decision.retryAfter);
					now += decision.retryAfter * 1000;
				}
			}
			expect(longest).toBe(15 * 60);
		});
	});
});

describe("the trainer password", () => {
	test("shorter than 15 characters: the server refuses to start and says why", () => {
		expect(() => readConfig({ TRAINER_PASSWORD: "x" })).toThrow(ConfigError);
		expect(() => readConfig({ TRAINER_PASSWORD: "fourteen-chars" })).toThrow(
			/TRAINER_PASSWORD must be at least 15 characters long, got 14/,
		);
		expect(readConfig({ TRAINER_PASSWORD: "fifteen-chars!!" }).trainerPassword).toBe(
			"fifteen-chars!!",
		);
		// Unset or empty: a strong one is generated.
		expect(readConfig({ TRAINER_PASSWORD: "" }).trainerPassword).toBeUndefined();
	});
});
