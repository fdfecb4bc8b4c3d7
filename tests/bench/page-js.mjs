// Measures the JavaScript a page loads in Chromium: every script response, gzip-compressed here
// so the figure does not depend on the server's compression. Pagefind's search UI, fetched in the
// background, is reported apart. Usage (after `npm run build`):
//   node tests/bench/page-js.mjs [/de/staging/ ...]      PAGE_JS_BUDGET=<bytes> fails above it
//   VERBOSE=1 lists each script.
import { measurePageJs } from "../e2e/page-js.ts";
import { launchBrowser, serve } from "./serve.mjs";

const paths = process.argv.slice(2).length
	? process.argv.slice(2)
	: ["/de/", "/de/staging/", "/en/staging/", "/en/glossary/"];

const { base, stop } = await serve(4393);
try {
	const browser = await launchBrowser();
	const rows = [];
	for (const path of paths) {
		const page = await browser.newPage();
		const js = await measurePageJs(page, base + path);
		rows.push({
			path,
			files: js.scripts.length,
			pageGzip: js.pageGzip,
			searchGzip: js.searchGzip,
			island: js.hasIsland,
		});
		if (process.env.VERBOSE) {
			for (const s of js.scripts) console.log(`  ${path} ${s.gzip} ${s.url.replace(base, "")}`);
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
