import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startCluster } from "../support/postgres.ts";
import { percentile, send, startBuiltServer, submissionBody } from "./load.ts";

/**
 * `npm run bench:server -- --postgres`: the same submissions to the built server on SQLite (one
 * instance, its default), and on PostgreSQL with one and with two instances (the load spread over
 * both, as a load balancer would), in one run. PostgreSQL is BENCH_DATABASE_URL's server, else a
 * throw-away cluster (scripts/test-postgres.sh). Reports submissions per second and latencies;
 * exits 1 if a setup misses the one-machine budget of 500 submissions/s with p99 under 100 ms.
 * Client, servers and database share this machine's cores: on two cores the second instance
 * competes with the first for CPU, so the figures show overhead, not the gain of a second machine.
 */

const budgets = { submissionsPerSecond: 500, submitP99Ms: 100 };
const load = { warmUp: 300, submissions: 5_000, concurrency: 16 };

if (!existsSync("dist/server/entry.mjs")) {
	console.error("No build found: run `npm run build` first.");
	process.exit(1);
}

// Started only without BENCH_DATABASE_URL.
const cluster = process.env.BENCH_DATABASE_URL ? undefined : startCluster();

/** A new, empty database on the PostgreSQL server. */
async function newDatabase(): Promise<string> {
	if (cluster) return cluster.database();
	const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL });
	const name = `bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	await client.connect();
	await client.query(`CREATE DATABASE ${name}`);
	await client.end();
	const url = new URL(process.env.BENCH_DATABASE_URL as string);
	url.pathname = `/${name}`;
	return url.toString();
}

interface Result {
	store: string;
	instances: number;
	"submissions/s": number;
	"p50 ms": number;
	"p99 ms": number;
	errors: number;
}

async function measure(store: string, envs: Record<string, string>[]): Promise<Result> {
	const servers = await Promise.all(envs.map((env) => startBuiltServer(env)));
	const agents = servers.map(
		() => new http.Agent({ keepAlive: true, maxSockets: load.concurrency }),
	);
	try {
		const run = async (from: number, count: number) => {
			const latencies: number[] = [];
			let errors = 0;
			let next = 0;
			const started = performance.now();
			await Promise.all(
				Array.from({ length: load.concurrency }, async (_, sender) => {
					// Each sender keeps to one instance, as a balancer's connection would.
					const i = sender % servers.length;
					while (next < count) {
						const answer = await send(
							servers[i]!.port,
							agents[i]!,
							"POST",
							"/api/attempts",
							submissionBody(from + next++),
						);
						latencies.push(answer.ms);
						if (answer.status !== 201) errors++;
					}
				}),
			);
			return { latencies, errors, seconds: (performance.now() - started) / 1000 };
		};
		await run(0, load.warmUp);
		const result = await run(load.warmUp, load.submissions);
		return {
			store,
			instances: servers.length,
			"submissions/s": Math.round(result.latencies.length / result.seconds),
			"p50 ms": Number(percentile(result.latencies, 50).toFixed(1)),
			"p99 ms": Number(percentile(result.latencies, 99).toFixed(1)),
			errors: result.errors,
		};
	} finally {
		for (const agent of agents) agent.destroy();
		for (const { child } of servers) child.kill("SIGKILL");
	}
}

const common = { TRAINER_PASSWORD: "bench-trainer-password", RATE_LIMIT_PER_MINUTE: "100000000" };
const results: Result[] = [];
const sqliteDir = mkdtempSync(join(tmpdir(), "staging-trainer-bench-"));
try {
	results.push(await measure("SQLite", [{ ...common, SCORES_DB: join(sqliteDir, "scores.db") }]));
	const one = await newDatabase();
	results.push(await measure("PostgreSQL", [{ ...common, DATABASE_URL: one }]));
	const two = await newDatabase();
	results.push(
		await measure("PostgreSQL", [
			{ ...common, DATABASE_URL: two },
			{ ...common, DATABASE_URL: two },
		]),
	);
} finally {
	rmSync(sqliteDir, { recursive: true, force: true });
	cluster?.stop();
}

console.log(
	`${load.submissions} submissions after ${load.warmUp} to warm up, ${load.concurrency} connections:`,
);
console.table(results);
const missed = results.filter(
	(r) =>
		r.errors > 0 ||
		r["submissions/s"] < budgets.submissionsPerSecond ||
		r["p99 ms"] >= budgets.submitP99Ms,
);
if (missed.length > 0) {
	console.error(
		`Budget missed (>= ${budgets.submissionsPerSecond}/s, p99 < ${budgets.submitP99Ms} ms, no errors): ${missed
			.map((r) => `${r.store} × ${r.instances}`)
			.join(", ")}`,
	);
	process.exitCode = 1;
} else {
	console.log("All setups met the budget.");
}
