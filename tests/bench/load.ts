import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { Attempt, AttemptEvent } from "../../src/simulator/attempt/schema.ts";
import { listScenarios, solve } from "../../src/simulator/scenarios/index.ts";

/** Load for the score server's benchmarks: real attempts, sent over keep-alive connections. */

// Reference logs of every scenario and a few variants, as real trainees would send them.
const logs: { scenario: string; seed: number; events: AttemptEvent[] }[] = [];
for (const s of listScenarios()) {
	for (const seed of [1, 2, 3]) logs.push({ scenario: s.id, seed, events: solve(s, seed) });
}

/** The `i`th submission: a new attempt id, one of the logs, some hints, every fifth cut short. */
export function submissionBody(i: number): string {
	const log = logs[i % logs.length]!;
	const attempt: Attempt = {
		id: randomUUID(),
		scenario: { id: log.scenario, seed: log.seed },
		locale: i % 2 === 0 ? "de" : "en",
		mode: "assessment",
		startedAt: log.events[0]!.at,
		finishedAt: log.events.at(-1)!.at,
		appVersion: "0.1.0",
		trainee: { name: `Trainee ${i % 997}`, cohort: `cohort-${i % 20}` },
		hintsUsed: i % 7,
		// Every fifth attempt stops early, so there are failures and findings to list.
		events: i % 5 === 0 ? log.events.slice(0, 2) : log.events,
		claimedScore: 100,
	};
	return JSON.stringify(attempt);
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export interface Answer {
	readonly status: number;
	readonly body: string;
	readonly headers: http.IncomingHttpHeaders;
	readonly ms: number;
}

/** One request to a server on this machine; resolves with its status, body and time. */
export function send(
	port: number,
	agent: http.Agent,
	method: string,
	path: string,
	body?: string,
	cookie?: string,
): Promise<Answer> {
	const start = performance.now();
	return new Promise((resolve, reject) => {
		const request = http.request(
			{
				host: "127.0.0.1",
				port,
				path,
				method,
				agent,
				headers: {
					...(body === undefined
						? {}
						: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }),
					...(cookie ? { Cookie: cookie } : {}),
				},
			},
			(response) => {
				let text = "";
				response.setEncoding("utf8");
				response.on("data", (chunk) => (text += chunk));
				response.on("end", () =>
					resolve({
						status: response.statusCode ?? 0,
						body: text,
						headers: response.headers,
						ms: performance.now() - start,
					}),
				);
			},
		);
		request.on("error", reject);
		request.end(body);
	});
}

/** The built server (`scripts/start.mjs`) on a free loopback port, with the given environment. */
export async function startBuiltServer(
	env: Record<string, string>,
): Promise<{ port: number; child: ChildProcess }> {
	const child = spawn(process.execPath, ["scripts/start.mjs"], {
		env: { ...process.env, HOST: "127.0.0.1", PORT: "0", ...env },
		stdio: ["ignore", "pipe", "inherit"],
	});
	let output = "";
	child.stdout!.on("data", (chunk) => (output += String(chunk)));
	for (let i = 0; i < 300; i++) {
		const match = /Server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
		if (match) {
			const port = Number(match[1]);
			const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
				(r) => r.ok,
				() => false,
			);
			if (ok) return { port, child };
		}
		if (child.exitCode !== null) break;
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill("SIGKILL");
	throw new Error(`server did not start:\n${output}`);
}
