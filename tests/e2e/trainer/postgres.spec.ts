import { expect, test } from "@playwright/test";
import { escapeHtml } from "../../../src/simulator/text/escape.ts";
import { postgresMigrations } from "../../../src/server/database/postgres-schema.ts";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };
import { postgresInstalled, startCluster, type TestCluster } from "../../support/postgres.ts";
import {
	referenceAttempt,
	startServer,
	startServerExpectingExit,
	trainerPassword,
	type TestServer,
} from "./support.ts";

/**
 * Several server instances on one PostgreSQL server (DATABASE_URL), as behind a load balancer. The
 * tests share one throw-away cluster (scripts/test-postgres.sh), each on a database of its own,
 * and run one after another: the outage test stops the cluster for a moment.
 */
test.describe.configure({ mode: "serial" });
const texts = { de, en };
test.skip(
	!postgresInstalled && !process.env.CI,
	"PostgreSQL 15's server programs are not installed (CI installs them)",
);

let cluster: TestCluster;
test.beforeAll(() => {
	cluster = startCluster();
});
test.afterAll(() => cluster?.stop());

const limits = {
	RATE_LIMIT_PER_MINUTE: "100000",
	LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
	LOGIN_GLOBAL_RATE_LIMIT_PER_MINUTE: "100000",
};

function post(server: TestServer, attempt: unknown): Promise<Response> {
	return fetch(`${server.url}/api/attempts`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify(attempt),
	});
}

/** Signs in on one instance; the session cookie it answers with. */
async function signIn(server: TestServer): Promise<string> {
	const response = await fetch(`${server.url}/api/trainer/login`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify({ email: "admin", password: trainerPassword }),
	});
	expect(response.status).toBe(204);
	return response.headers.getSetCookie()[0]!.split(";")[0]!;
}

function asTrainer(server: TestServer, path: string, cookie: string, method = "GET") {
	// A browser names its page's origin with a POST; the server refuses one from elsewhere.
	return fetch(`${server.url}${path}`, { method, headers: { Cookie: cookie, Origin: server.url } });
}

async function ids(url: string): Promise<string[]> {
	return (await cluster.query<{ id: string }>(url, "SELECT id FROM attempts ORDER BY id")).map(
		(r) => r.id,
	);
}

test("two instances started together share one store: one row per attempt, one trainer session", async () => {
	test.setTimeout(120_000);
	const url = await cluster.database();
	// Both migrate the empty database at the same moment; the advisory lock lets one do it.
	const [a, b] = await Promise.all([
		startServer({ DATABASE_URL: url, ...limits }),
		startServer({ DATABASE_URL: url, ...limits }),
	]);
	try {
		expect(
			await cluster.query(url, "SELECT version FROM schema_migrations ORDER BY version"),
		).toEqual(postgresMigrations.map((_, i) => ({ version: i + 1 })));
		// 150 attempts, 50 of them sent to both instances at once: 200 submissions in parallel.
		const attempts = Array.from({ length: 150 }, (_, i) =>
			referenceAttempt({ hintsUsed: i % 4, trainee: { name: `Trainee ${i}`, cohort: "multi" } }),
		);
		const sends = [
			...attempts.map((attempt, i) => ({ attempt, server: i % 2 === 0 ? a : b })),
			...attempts.slice(0, 50).map((attempt, i) => ({ attempt, server: i % 2 === 0 ? b : a })),
		];
		const answers = await Promise.all(
			sends.map(async ({ attempt, server }) => ({
				id: attempt.id,
				status: (await post(server, attempt)).status,
			})),
		);
		expect(answers.filter((r) => r.status !== 201 && r.status !== 200)).toEqual([]);
		// Each attempt was stored exactly once (201), a repeat answered as the same attempt (200).
		for (const attempt of attempts) {
			const statuses = answers.filter((r) => r.id === attempt.id).map((r) => r.status);
			expect(statuses.filter((s) => s === 201)).toHaveLength(1);
		}
		expect(await ids(url)).toEqual(attempts.map((x) => x.id).sort());

		// Signed in on one instance is signed in on the other, and signed out on both.
		const cookie = await signIn(a);
		const list = await asTrainer(b, "/api/attempts?pageSize=10", cookie);
		expect(list.status).toBe(200);
		expect(((await list.json()) as { total: number }).total).toBe(150);
		expect((await asTrainer(b, "/api/trainer/logout", cookie, "POST")).status).toBe(204);
		expect((await asTrainer(a, "/api/attempts", cookie)).status).toBe(401);
	} finally {
		await Promise.all([a.stop(), b.stop()]);
	}
});

test("kill -9 of one instance during a burst loses no acknowledged submission", async () => {
	test.setTimeout(120_000);
	const url = await cluster.database();
	const a = await startServer({ DATABASE_URL: url, ...limits });
	const b = await startServer({ DATABASE_URL: url, ...limits });
	try {
		const acknowledged: string[] = [];
		let answered = 0;
		let killed: Promise<void> | undefined;
		const send = async (i: number) => {
			const attempt = referenceAttempt({ trainee: { name: `Burst ${i}`, cohort: "burst" } });
			try {
				const response = await post(i % 2 === 0 ? a : b, attempt);
				if (response.status === 201) acknowledged.push(attempt.id);
			} catch {
				// The killed instance's connections fail: not acknowledged, so not owed.
			}
			answered++;
			if (answered === 60) killed = a.kill();
		};
		// Waves of 40, so the kill lands while requests are in flight on both instances.
		for (let wave = 0; wave < 8; wave++) {
			await Promise.all(Array.from({ length: 40 }, (_, j) => send(wave * 40 + j)));
		}
		await killed;
		expect(acknowledged.length).toBeGreaterThan(60);
		const stored = new Set(await ids(url));
		expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
	} finally {
		await Promise.all([a.kill(), b.stop()]);
	}
});

test("a lost database answers 503 with Retry-After, and the server recovers when it returns", async () => {
	test.setTimeout(120_000);
	const url = await cluster.database();
	const server = await startServer({ DATABASE_URL: url, ...limits });
	try {
		expect((await post(server, referenceAttempt())).status).toBe(201);
		const cookie = await signIn(server);
		const created = await fetch(`${server.url}/api/cohorts`, {
			method: "POST",
			headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/json" },
			body: JSON.stringify({
				name: "Outage",
				scenarios: ["first-handover"],
				practice: false,
				sameSeed: true,
				opensOn: "2026-01-01",
				closesOn: "2099-12-31",
				attemptLimit: null,
				collectPractice: false,
			}),
		});
		expect(created.status).toBe(201);
		const cohortId = ((await created.json()) as { id: string }).id;
		cluster.pause();
		try {
			const refused = await post(server, referenceAttempt());
			expect(refused.status).toBe(503);
			expect(refused.headers.get("retry-after")).toBe("5");
			expect(await refused.json()).toMatchObject({ error: "store-unavailable" });
			const health = await fetch(`${server.url}/api/health`);
			expect(health.status).toBe(503);
			expect(health.headers.get("retry-after")).toBe("5");
			// A trainer page says so in the trainer's language.
			for (const lang of ["de", "en"] as const) {
				const text = escapeHtml(texts[lang].trainer.unavailable.title);
				// The list, and a cohort's page, whose insight is read before the page streams.
				for (const path of [`/${lang}/trainer/`, `/${lang}/trainer/cohorts/${cohortId}/`]) {
					const page = await asTrainer(server, path, cookie);
					expect(page.status, path).toBe(503);
					expect(page.headers.get("retry-after")).toBe("5");
					expect(await page.text()).toContain(text);
				}
			}
		} finally {
			cluster.resume();
		}
		// Back: the pool opens new connections; the next submission is stored.
		const again = referenceAttempt();
		await expect
			.poll(async () => (await post(server, again)).status, { timeout: 20_000 })
			.toBe(201);
		expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
		expect((await asTrainer(server, "/en/trainer/", cookie)).status).toBe(200);
		expect(await ids(url)).toContain(again.id);
	} finally {
		await server.stop();
	}
});

test("a DATABASE_URL that cannot be used stops the start with a clear error", async () => {
	const missing = new URL(await cluster.database());
	missing.pathname = "/no_such_database";
	const cases = [
		{ url: "postgres://trainer:hunter2-secret@127.0.0.1:1/scores", says: "ECONNREFUSED" },
		{ url: missing.toString(), says: "does not exist" },
		{ url: "mysql://trainer@127.0.0.1/scores", says: "must be a PostgreSQL address" },
	];
	for (const { url, says } of cases) {
		const { code, output } = await startServerExpectingExit({ DATABASE_URL: url });
		expect(code, output).toBe(1);
		expect(output).toContain("The server cannot start");
		expect(output).toContain(says);
		expect(output).toContain("Hint: ");
		expect(output).not.toContain("Server listening");
		expect(output).not.toContain("hunter2-secret");
	}
});
