// Measures the JavaScript a page loads in Chromium: every script response, gzip-compressed here
// so the figure does not depend on the server's compression. Pagefind's search UI, fetched in the
// background, is reported apart. Usage (after `npm run build`):
//   node tests/bench/page-js.mjs [/de/staging/ ...]      PAGE_JS_BUDGET=<bytes> fails above it
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const port = 4393;
const base = `http://127.0.0.1:${port}`;
const paths = process.argv.slice(2).length
	? process.argv.slice(2)
	: ["/de/", "/de/staging/", "/en/staging/", "/en/glossary/"];

const server = spawn(process.execPath, ["scripts/start.mjs"], {
	env: { ...process.env, PORT: String(port), HOST: "127.0.0.1" },
	stdio: "ignore",
});

async function waitForServer() {
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(`${base}/api/health`)).ok) return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error("server did not start");
}

const isSearch = (script) => /pagefind|ui-core/.test(script.url);
const sum = (list) => list.reduce((total, s) => total + s.gzip, 0);

try {
	await waitForServer();
	const executablePath =
		process.env.CHROMIUM_PATH ??
		(existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
	const browser = await chromium.launch({ executablePath });
	const rows = [];
	for (const path of paths) {
		const page = await browser.newPage();
		const scripts = [];
		page.on("response", (response) => {
			if (response.request().resourceType() !== "script") return;
			scripts.push(
				response.body().then((b) => ({ url: response.url(), gzip: gzipSync(b).length })),
			);
		});
		await page.goto(base + path, { waitUntil: "networkidle" });
		const html = await page.content();
		const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
			.map((m) => m[1])
			.join("\n");
		const external = await Promise.all(scripts);
		const pageGzip = sum(external.filter((s) => !isSearch(s))) + gzipSync(inline).length;
		const searchGzip = sum(external.filter(isSearch));
		const island = html.includes("<astro-island");
		rows.push({ path, files: external.length, pageGzip, searchGzip, island });
		await page.close();
	}
	await browser.close();
	console.table(rows);
	const limit = Number(process.env.PAGE_JS_BUDGET ?? Infinity);
	const over = rows.filter((r) => r.pageGzip > limit);
	if (over.length) {
		console.error(`over the ${limit} B gzip budget: ${over.map((r) => r.path).join(", ")}`);
		process.exitCode = 1;
	}
} finally {
	server.kill();
}
