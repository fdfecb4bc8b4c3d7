import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { percentile, send as sendTo, startBuiltServer, submissionBody } from "./load.ts";

/**
 * Budgets of the score server (npm run bench:server, after a build): the built server on a loopback
 * port, load from this second process over keep-alive connections. At least 500 submissions per
 * second with p99 latency under 100 ms; one page of attempts out of 10,000 stored listed in under
 * 50 ms of server time (the handler's Server-Timing, p95 over a mix of filters, sorts and pages).
 * Then 30 s of sustained load (every connection submitting, a trainer listing pages alongside), with
 * the write-ahead log's size sampled throughout: it must stay under 64 MiB, because a WAL that is
 * never reset grows for as long as the load lasts. Exits 1 if a budget is missed.
 */

const budgets = { submissionsPerSecond: 500, submitP99Ms: 100, listMs: 50, walMiB: 64 };
const load = { submissions: 5_000, concurrency: 16, maxSeconds: 30, sustainedSeconds: 30 };
const storedTotal = 10_000;
const password = "bench-trainer-password";

// `npm run bench:server -- --postgres`: submissions to SQLite and PostgreSQL side by side instead.
if (process.argv.includes("--postgres")) {
	await import("./stores.bench.ts");
	process.exit(process.exitCode ?? 0);
}

if (!existsSync("dist/server/entry.mjs")) {
	console.error("No build found: run `npm run build` first.");
	process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "staging-trainer-bench-"));
const walPath = join(dir, "scores.db-wal");
const { port, child: server } = await startBuiltServer({
	SCORES_DB: join(dir, "scores.db"),
	TRAINER_PASSWORD: password,
	RATE_LIMIT_PER_MINUTE: "100000000",
});
const stop = () => {
	server.kill("SIGKILL");
	rmSync(dir, { recursive: true, force: true });
};

const agent = new http.Agent({ keepAlive: true, maxSockets: load.concurrency });

function send(
	method: string,
	path: string,
	body?: string,
	cookie?: string,
	via: http.Agent = agent,
) {
	return sendTo(port, via, method, path, body, cookie);
}

/** Sends `count` submissions from `concurrency` parallel senders; stops early at the time limit. */
async function submitMany(from: number, count: number, seconds = load.maxSeconds) {
	const bodies = Array.from({ length: count }, (_, i) => submissionBody(from + i));
	const latencies: number[] = [];
	const failures: string[] = [];
	let next = 0;
	const deadline = performance.now() + seconds * 1000;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: load.concurrency }, async () => {
			while (next < bodies.length && performance.now() < deadline) {
				const answer = await send("POST", "/api/attempts", bodies[next++]);
				latencies.push(answer.ms);
				if (answer.status !== 201) failures.push(`${answer.status} ${answer.body.slice(0, 200)}`);
			}
		}),
	);
	return { latencies, failures, seconds: (performance.now() - started) / 1000 };
}

const failed: string[] = [];
try {
	await submitMany(0, 300); // warm-up: JIT, statement cache, first page renders
	const run = await submitMany(300, load.submissions);
	const rate = run.latencies.length / run.seconds;
	const p50 = percentile(run.latencies, 50);
	const p99 = percentile(run.latencies, 99);
	console.log(
		`submissions: ${run.latencies.length} in ${run.seconds.toFixed(2)} s = ${rate.toFixed(0)}/s ` +
			`(budget >= ${budgets.submissionsPerSecond}/s), latency p50 ${p50.toFixed(1)} ms, ` +
			`p99 ${p99.toFixed(1)} ms (budget < ${budgets.submitP99Ms} ms), ` +
			`${load.concurrency} connections, ${run.failures.length} errors`,
	);
	if (run.failures.length > 0) failed.push(`submission errors, first: ${run.failures[0]}`);
	if (run.latencies.length < load.submissions) failed.push("submissions hit the time limit");
	if (rate < budgets.submissionsPerSecond) failed.push("submissions per second");
	if (p99 >= budgets.submitP99Ms) failed.push("submission p99 latency");

	// Fill up to 10,000 stored attempts, then list pages of them.
	const stored = 300 + run.latencies.length;
	const fill = await submitMany(stored, storedTotal - stored);
	if (fill.failures.length > 0) failed.push(`fill errors, first: ${fill.failures[0]}`);
	const login = await send(
		"POST",
		"/api/trainer/login",
		JSON.stringify({ email: "admin", password }),
	);
	const cookie = String(login.headers["set-cookie"]?.[0] ?? "").split(";")[0];
	const queries = [
		"",
		"?page=100",
		"?page=200&pageSize=50",
		"?cohort=cohort-7",
		"?trainee=trainee%2012",
		"?sort=score&dir=asc",
		"?sort=trainee&page=50",
		"?passed=false&sort=duration",
		"?scenario=multi-site-erp&mode=assessment&from=2026-01-01&to=2026-12-31",
		"?pageSize=200&sort=hints",
	];
	const serverMs: number[] = [];
	let total = 0;
	for (let round = 0; round < 20; round++) {
		for (const query of queries) {
			const answer = await send("GET", `/api/attempts${query}`, undefined, cookie);
			if (answer.status !== 200) throw new Error(`list ${query}: ${answer.status} ${answer.body}`);
			const timing = /dur=([\d.]+)/.exec(String(answer.headers["server-timing"]));
			serverMs.push(Number(timing?.[1]));
			if (query === "") total = (JSON.parse(answer.body) as { total: number }).total;
		}
	}
	const listP50 = percentile(serverMs, 50);
	const listP95 = percentile(serverMs, 95);
	console.log(
		`listing: ${total} stored, ${serverMs.length} page requests over ${queries.length} filter/sort ` +
			`mixes, server time p50 ${listP50.toFixed(2)} ms, p95 ${listP95.toFixed(2)} ms, ` +
			`max ${Math.max(...serverMs).toFixed(2)} ms (budget < ${budgets.listMs} ms)`,
	);
	if (total !== storedTotal) failed.push(`expected ${storedTotal} stored attempts, found ${total}`);
	if (!(listP95 < budgets.listMs)) failed.push("listing server time");

	// Sustained load: as many submissions as the server takes for 30 s, with a trainer reading pages.
	const walSize = () => (existsSync(walPath) ? statSync(walPath).size : 0);
	const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
	let walMax = walSize();
	const sampler = setInterval(() => (walMax = Math.max(walMax, walSize())), 250);
	let reading = true;
	const readerAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const reader = (async () => {
		let page = 1;
		while (reading) {
			const path = `/api/attempts?page=${(page++ % 50) + 1}`;
			await send("GET", path, undefined, cookie, readerAgent);
			await new Promise((r) => setTimeout(r, 200));
		}
	})();
	const sustained = await submitMany(storedTotal, 200_000, load.sustainedSeconds);
	reading = false;
	await reader;
	readerAgent.destroy();
	clearInterval(sampler);
	walMax = Math.max(walMax, walSize());
	// Give the checkpointer a few rounds after the load ends.
	await new Promise((r) => setTimeout(r, 3000));
	const sustainedRate = sustained.latencies.length / sustained.seconds;
	console.log(
		`sustained: ${sustained.latencies.length} submissions in ${sustained.seconds.toFixed(1)} s ` +
			`(${sustainedRate.toFixed(0)}/s, p99 ${percentile(sustained.latencies, 99).toFixed(1)} ms), ` +
			`WAL max ${mib(walMax)} MiB (budget < ${budgets.walMiB} MiB), ${mib(walSize())} MiB 3 s after`,
	);
	if (sustained.failures.length > 0)
		failed.push(`sustained errors, first: ${sustained.failures[0]}`);
	if (walMax >= budgets.walMiB * 1024 * 1024) failed.push("WAL size under sustained load");
} finally {
	agent.destroy();
	stop();
}

if (failed.length > 0) {
	console.error(`Budget missed: ${failed.join("; ")}`);
	process.exit(1);
}
console.log("All server budgets met.");
