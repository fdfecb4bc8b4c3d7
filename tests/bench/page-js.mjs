// Measures the JavaScript a page loads in Chromium: every script response, gzip-compressed
// here so the figure does not depend on the server's compression. Usage:
//   node tests/bench/page-js.mjs [/de/staging/ ...]   (after `npm run build`)
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
try {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${base}/api/health`)).ok) break;
		} catch {
			if (i > 100) throw new Error("server did not start");
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	const executablePath =
		process.env.CHROMIUM_PATH ??
		(existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
	const browser = await chromium.launch({ executablePath });
	const rows = [];
	for (const path of paths) {
		const page = await browser.newPage();
		const scripts = [];
		page.on("response", async (response) => {
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
		const externalGzip = external.reduce((sum, s) => sum + s.gzip, 0);
		const inlineGzip = gzipSync(inline).length;
		const solid =
			external.some((s) => /solid|client\.[\w-]+\.js$/.test(s.url)) ||
			html.includes("<astro-island");
		rows.push({
			path,
			files: external.length,
			externalGzip,
			inlineGzip,
			total: externalGzip + inlineGzip,
			solid,
		});
		await page.close();
	}
	await browser.close();
	console.table(rows);
} finally {
	server.kill();
}
