import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { referenceAttempt, signIn, startServer, trainerPassword } from "./support.ts";

// Each test starts servers of its own: different limits, a fresh database, hard kills.
test.describe.configure({ mode: "parallel" });

test("the per-address rate limit answers 429", async ({ playwright }) => {
	const server = await startServer({ RATE_LIMIT_PER_MINUTE: "3" });
	try {
		const request = await playwright.request.newContext({ baseURL: server.url });
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) {
			statuses.push((await request.post("/api/attempts", { data: referenceAttempt() })).status());
		}
		expect(statuses).toEqual([201, 201, 201, 429]);
		const limited = await request.post("/api/attempts", { data: referenceAttempt() });
		expect(limited.headers()["retry-after"]).toMatch(/^\d+$/);
		expect(await limited.json()).toMatchObject({ error: "rate-limited" });
		await request.dispose();
	} finally {
		await server.stop();
	}
});

test("200 parallel submissions: 200 rows, no error", async ({ playwright }) => {
	const server = await startServer({ RATE_LIMIT_PER_MINUTE: "100000" });
	try {
		const cohort = "parallel";
		const attempts = Array.from({ length: 200 }, (_, i) =>
			referenceAttempt({ hintsUsed: i % 5, trainee: { name: `Trainee ${i}`, cohort } }),
		);
		const statuses = await Promise.all(
			attempts.map((a) =>
				fetch(`${server.url}/api/attempts`, {
					method: "POST",
					headers: { "Content-Type": "application/json" },
					body: JSON.stringify(a),
				}).then((r) => r.status),
			),
		);
		expect(statuses.filter((s) => s !== 201)).toEqual([]);
		const trainer = await playwright.request.newContext({ baseURL: server.url });
		await signIn(trainer);
		const list = await (await trainer.get("/api/attempts?pageSize=200")).json();
		expect(list.total).toBe(200);
		expect(new Set(list.items.map((i: { id: string }) => i.id))).toEqual(
			new Set(attempts.map((a) => a.id)),
		);
		await trainer.dispose();
	} finally {
		await server.stop();
	}
});

test("an answered submission survives kill -9 and a restart", async ({ playwright }) => {
	const first = await startServer();
	const attempt = referenceAttempt({ hintsUsed: 2 });
	const response = await fetch(`${first.url}/api/attempts`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify(attempt),
	});
	expect(response.status).toBe(201);
	await first.kill();
	const second = await first.restart();
	try {
		const trainer = await playwright.request.newContext({ baseURL: second.url });
		await signIn(trainer);
		expect(await (await trainer.get(`/api/attempts/${attempt.id}`)).json()).toMatchObject({
			id: attempt.id,
			score: 96,
		});
		await trainer.dispose();
	} finally {
		await second.stop();
	}
});

test("without TRAINER_PASSWORD a password is generated, printed once and stored as a hash only", async ({
	playwright,
}) => {
	const first = await startServer({ TRAINER_PASSWORD: "" });
	const printed = /sign-in: admin\s+password: (\S+)/.exec(first.output())?.[1];
	expect(printed).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
	await first.kill();
	const second = await first.restart();
	try {
		expect(second.output()).not.toContain(printed!);
		const trainer = await playwright.request.newContext({ baseURL: second.url });
		expect(
			(
				await trainer.post("/api/trainer/login", {
					data: { email: "admin", password: trainerPassword },
				})
			).status(),
		).toBe(401);
		await signIn(trainer, "", printed);
		await trainer.dispose();
		for (const file of [second.dbPath, `${second.dbPath}-wal`]) {
			let content = Buffer.alloc(0);
			try {
				content = readFileSync(file);
			} catch {
				// The WAL may have been checkpointed away.
			}
			expect(content.includes(printed!)).toBe(false);
		}
	} finally {
		await second.stop();
	}
});
