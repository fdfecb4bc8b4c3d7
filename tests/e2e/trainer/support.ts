import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import type { Attempt } from "../../../src/simulator/attempt/schema.ts";
import { getScenario, solve } from "../../../src/simulator/scenarios/index.ts";
import { trainerPassword } from "./server-env.ts";

export { trainerPassword };

/** A name that must show as text wherever it appears. */
export const scriptName = "<img src=x onerror=alert(1)>";

/** A cohort code no other test uses, so counts are this test's own. */
export function uniqueCohort(): string {
	return `e2e-${randomUUID().slice(0, 8)}`;
}

/**
 * A finished attempt on the reference solution (100 points without hints), as the simulator would
 * record it; `hintsUsed` lowers the server's score by 2 points per hint.
 */
export function referenceAttempt(overrides: Partial<Attempt> = {}): Attempt {
	const scenario = overrides.scenario ?? { id: "first-handover", seed: 3 };
	const events = overrides.events ?? solve(getScenario(scenario.id)!, scenario.seed);
	return {
		id: randomUUID(),
		scenario,
		locale: "de",
		mode: "assessment",
		startedAt: events[0]?.at ?? "2026-01-05T08:00:00.000Z",
		finishedAt: events.at(-1)?.at ?? "2026-01-05T08:00:00.000Z",
		appVersion: "0.1.0",
		trainee: { name: "Jana Beispiel", cohort: uniqueCohort() },
		hintsUsed: 0,
		events,
		...overrides,
	};
}

export async function submit(request: APIRequestContext, attempt: unknown, baseURL = "") {
	return request.post(`${baseURL}/api/attempts`, { data: attempt as object });
}

/** Signs the request context in as a trainer (its cookie jar keeps the session). */
export async function signIn(request: APIRequestContext, baseURL = "", password = trainerPassword) {
	const response = await request.post(`${baseURL}/api/trainer/login`, {
		data: { email: "admin", password },
	});
	expect(response.status()).toBe(204);
}

/** A server of the test's own on a free loopback port, with a fresh score database. */
export interface TestServer {
	readonly url: string;
	readonly dbPath: string;
	readonly output: () => string;
	/** Ends it the hard way (SIGKILL): nothing gets to flush or close. */
	readonly kill: () => Promise<void>;
	/** Starts a new server process on the same database. */
	readonly restart: () => Promise<TestServer>;
	readonly stop: () => Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
	return child.exitCode !== null || child.signalCode !== null
		? Promise.resolve()
		: new Promise((resolve) => child.once("exit", () => resolve()));
}

async function launch(
	dbPath: string,
	env: Record<string, string>,
	cleanup: () => void,
): Promise<TestServer> {
	const child = spawn(process.execPath, ["scripts/start.mjs"], {
		env: { ...process.env, HOST: "127.0.0.1", PORT: "0", SCORES_DB: dbPath, ...env },
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout.on("data", (chunk) => (output += String(chunk)));
	child.stderr.on("data", (chunk) => (output += String(chunk)));
	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
		const look = () => {
			const match = /Server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		};
		child.stdout.on("data", look);
		child.once("exit", () => reject(new Error(`server exited:\n${output}`)));
	});
	for (let i = 0; ; i++) {
		const ok = await fetch(`${url}/api/health`).then(
			(r) => r.ok,
			() => false,
		);
		if (ok) break;
		if (i > 100) throw new Error(`server not healthy:\n${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	const server: TestServer = {
		url,
		dbPath,
		output: () => output,
		kill: async () => {
			child.kill("SIGKILL");
			await exited(child);
		},
		restart: () => launch(dbPath, env, cleanup),
		stop: async () => {
			child.kill("SIGTERM");
			await exited(child);
			cleanup();
		},
	};
	return server;
}

export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
	const dir = mkdtempSync(join(tmpdir(), "staging-trainer-server-"));
	return launch(join(dir, "scores.db"), { TRAINER_PASSWORD: trainerPassword, ...env }, () =>
		rmSync(dir, { recursive: true, force: true }),
	);
}

/** Starts the server with settings it should refuse; resolves with its exit code and output. */
export async function startServerExpectingExit(
	env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
	const dir = mkdtempSync(join(tmpdir(), "staging-trainer-server-"));
	const child = spawn(process.execPath, ["scripts/start.mjs"], {
		env: {
			...process.env,
			HOST: "127.0.0.1",
			PORT: "0",
			SCORES_DB: join(dir, "scores.db"),
			...env,
		},
		stdio: ["ignore", "pipe", "pipe"],
	});
	let output = "";
	child.stdout.on("data", (chunk) => (output += String(chunk)));
	child.stderr.on("data", (chunk) => (output += String(chunk)));
	const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
	await exited(child);
	clearTimeout(timer);
	rmSync(dir, { recursive: true, force: true });
	return { code: child.exitCode, output };
}
