// Measures the JavaScript a page loads in Chromium: every script response, gzip-compressed here
// so the figure does not depend on the server's compression. Pagefind's search UI, fetched in the
// background, is reported apart. Usage (after `npm run build`):
//   node tests/bench/page-js.mjs [/de/staging/ ...]      PAGE_JS_BUDGET=<bytes> fails above it
import { gzipSync } from "node:zlib";
import { launchBrowser, serve } from "./serve.mjs";

const paths = process.argv.slice(2).length
	? process.argv.slice(2)
	: ["/de/", "/de/staging/", "/en/staging/", "/en/glossary/"];

const isSearch = (script) => /pagefind|ui-core/.test(script.url);
const sum = (list) => list.reduce((total, s) => total + s.gzip, 0);

const { base, stop } = await serve(4393);
try {
	const browser = await launchBrowser();
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
		const island = html.includes("data-st-island");
		rows.push({ path, files: external.length, pageGzip, searchGzip, island });
		if (process.env.VERBOSE) {
			for (const s of external) console.log(`  ${path} ${s.gzip} ${s.url.replace(base, "")}`);
		}
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
	stop();
}
