// Lighthouse (pinned in package.json) with its default mobile preset over the pages readers and
// trainers open first, in both languages, against the production server (`scripts/start.mjs`
// over the built site, as `npm start` serves it). Prints a table and fails below performance 98 or
// below 100 in accessibility, best practices or SEO. Usage (after `npm run build`):
//   npm run bench:lighthouse
//   node tests/bench/lighthouse.mjs --base before=http://127.0.0.1:4401 --base after=http://127.0.0.1:4402
//     measures servers already running, page by page side by side (e.g. two builds of two commits)
//   --no-budget prints the table without failing; PAGES=/de/,/de/staging/ measures only those.
//   --trainer measures the signed-in trainer pages instead (a cohort with a passed trainee is made
//     first): accessibility and best practices must be 100; they are private (noindex), so SEO and
//     the mobile performance budget of public pages do not apply.
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { serve } from "./serve.mjs";

const trainer = process.argv.includes("--trainer");
const budget = trainer
	? { accessibility: 100, "best-practices": 100 }
	: { performance: 98, accessibility: 100, "best-practices": 100, seo: 100 };
const categories = Object.keys(budget);
const trainerPassword = process.env.TRAINER_PASSWORD ?? "lighthouse trainer password";
const defaultPages = [
	"/de/",
	"/en/",
	"/de/staging/",
	"/en/staging/",
	"/de/practice/",
	"/en/practice/",
	"/de/glossary/",
	"/en/glossary/",
	"/de/trainer/login/",
	"/en/trainer/login/",
];
let pages = process.env.PAGES ? process.env.PAGES.split(",") : defaultPages;

const args = process.argv.slice(2);
const enforce = !args.includes("--no-budget");
const bases = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] !== "--base") continue;
	const [name, url] = args[++i].split("=");
	bases.push({ name, url });
}
let stop = () => {};
if (bases.length === 0) {
	const server = await serve(4397, {
		SCORES_DB: join(tmpdir(), `staging-trainer-lighthouse-${Date.now()}.db`),
		TRAINER_PASSWORD: trainerPassword,
	});
	bases.push({ name: "build", url: server.base });
	stop = server.stop;
}

const chromePath =
	process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
// The same flags as the browser tests: a closed network must not keep Chromium calling home.
const chromeFlags = [
	"--headless=new",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--disable-quic",
	"--no-first-run",
];

/** Lighthouse's report reduced to the figures the table shows. */
function figures(lhr) {
	const audit = (id) => lhr.audits[id];
	const scripts = (audit("network-requests")?.details?.items ?? []).filter(
		(r) => r.resourceType === "Script",
	);
	return {
		...Object.fromEntries(categories.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
		// Measured with the performance category only (not for the trainer pages).
		...(audit("cumulative-layout-shift")
			? {
					cls: Number(audit("cumulative-layout-shift").numericValue.toFixed(3)),
					lcpMs: Math.round(audit("largest-contentful-paint").numericValue),
				}
			: {}),
		...(audit("network-requests")
			? {
					jsKb: Number(
						(scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024).toFixed(1),
					),
				}
			: {}),
	};
}

/**
 * One Lighthouse run. Its trace recording now and then fails on a busy machine (NO_NAVSTART,
 * "please run Lighthouse again"); such a run is repeated, up to twice, and never counted.
 */
async function audit(url) {
	for (let attempt = 1; ; attempt++) {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: "json",
			logLevel: "error",
			onlyCategories: categories,
			...(extraHeaders ? { extraHeaders } : {}),
		});
		const error = result?.lhr.runtimeError;
		// A trainer page measured without its sign-in would be the sign-in page instead.
		if (
			trainer &&
			result &&
			new URL(result.lhr.finalDisplayedUrl).pathname !== new URL(url).pathname
		) {
			throw new Error(`${url}: measured ${result.lhr.finalDisplayedUrl} instead (not signed in?)`);
		}
		if (result && !error) return result.lhr;
		if (attempt === 3)
			throw new Error(`${url}: ${error?.code ?? "no result"} ${error?.message ?? ""}`);
	}
}

/**
 * Signs in on `base` as the first administrator and makes a cohort with certificates, so that
 * every trainer page has something to show; the trainer pages to measure and the sign-in cookie.
 */
async function trainerSetup(base) {
	const login = await fetch(`${base}/api/trainer/login`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify({ email: "admin", password: trainerPassword }),
	});
	if (login.status !== 204) throw new Error(`sign-in failed: ${login.status}`);
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(";")[0])
		.join("; ");
	const day = new Date().toISOString().slice(0, 10);
	const created = await fetch(`${base}/api/cohorts`, {
		method: "POST",
		headers: { "Content-Type": "application/json", Cookie: cookie },
		body: JSON.stringify({
			name: "Lighthouse",
			scenarios: ["first-handover"],
			sameSeed: true,
			opensOn: day,
			closesOn: day,
			certificate: true,
		}),
	});
	const { id, code } = await created.json();
	// An attempt the cohort issued, sent back unfinished (no actions): its page has a grade with
	// findings to show.
	const issued = await (
		await fetch(`${base}/api/cohort-attempts`, {
			method: "POST",
			headers: { "Content-Type": "application/json" },
			body: JSON.stringify({
				code,
				name: "Lia Leuchtturm",
				scenarioId: "first-handover",
				mode: "assessment",
			}),
		})
	).json();
	const sent = await fetch(`${base}/api/attempts`, {
		method: "POST",
		headers: { "Content-Type": "application/json", "X-Attempt-Token": issued.token },
		body: JSON.stringify({
			id: issued.attemptId,
			scenario: { id: "first-handover", seed: issued.seed },
			locale: "de",
			mode: "assessment",
			startedAt: issued.startedAt,
			finishedAt: new Date().toISOString(),
			appVersion: "lighthouse",
			trainee: { name: "Lia Leuchtturm", cohort: "", joinCode: code },
			hintsUsed: 0,
			events: [],
		}),
	});
	if (sent.status !== 201) throw new Error(`the attempt was refused: ${await sent.text()}`);
	// A trainer's own scenario, a copy of a built-in one, for the editor's page.
	const copied = await fetch(`${base}/de/trainer/scenarios/`, {
		method: "POST",
		headers: {
			"Content-Type": "application/x-www-form-urlencoded",
			Cookie: cookie,
			Origin: new URL(base).origin,
		},
		body: "from=first-handover",
		redirect: "manual",
	});
	const scenario = /scenarios\/([^/]+)\//.exec(copied.headers.get("location") ?? "")?.[1];
	if (scenario === undefined) throw new Error(`no scenario copied: ${copied.status}`);
	const paths = [
		"",
		`attempts/${issued.attemptId}/`,
		`scenarios/${scenario}/`,
		"cohorts/",
		`cohorts/${id}/`,
		`cohorts/${id}/settings/`,
		`cohorts/${id}/lms/`,
		"cohorts/new/",
		"scenarios/",
		"summary/",
		"import/",
		"accounts/",
		"audit/",
	];
	return {
		cookie,
		pages: ["de", "en"].flatMap((l) => paths.map((p) => `/${l}/trainer/${p}`)),
	};
}

let extraHeaders;
if (trainer) {
	const setup = await trainerSetup(bases[0].url);
	extraHeaders = { Cookie: setup.cookie };
	if (!process.env.PAGES) pages = setup.pages;
}

const rows = [];
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
try {
	for (const path of pages) {
		for (const base of bases) {
			rows.push({ page: path, build: base.name, ...figures(await audit(base.url + path)) });
		}
	}
} finally {
	await chrome.kill();
	stop();
}

console.table(rows);
const failing = rows.filter((r) => categories.some((c) => r[c] < budget[c]));
if (enforce && failing.length > 0) {
	for (const r of failing) {
		const low = categories
			.filter((c) => r[c] < budget[c])
			.map((c) => `${c} ${r[c]} < ${budget[c]}`);
		console.error(`${r.page} (${r.build}): ${low.join(", ")}`);
	}
	process.exitCode = 1;
}
