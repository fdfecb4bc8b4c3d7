import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";

/** What one page loads of JavaScript, each script gzip-compressed here (the server may not). */
export interface PageJs {
	/** The page's own scripts: external files and inline scripts. */
	pageGzip: number;
	/** Pagefind's search UI, which Starlight fetches in the background; budgets leave it out. */
	searchGzip: number;
	scripts: readonly { url: string; gzip: number }[];
	hasIsland: boolean;
}

const isSearch = (url: string) => /pagefind|ui-core/.test(url);

/**
 * Loads `url` and sums the gzip sizes of every script it loads until the network is idle. Shared
 * by the budget test and `npm run size`, so both count the same bytes.
 */
export async function measurePageJs(page: Page, url: string): Promise<PageJs> {
	const pending: Promise<{ url: string; gzip: number }>[] = [];
	page.on("response", (response) => {
		if (response.request().resourceType() !== "script") return;
		pending.push(response.body().then((b) => ({ url: response.url(), gzip: gzipSync(b).length })));
	});
	await page.goto(url, { waitUntil: "networkidle" });
	const html = await page.content();
	const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
		.map((m) => m[1])
		.join("\n");
	const scripts = await Promise.all(pending);
	const sum = (list: typeof scripts) => list.reduce((total, s) => total + s.gzip, 0);
	return {
		pageGzip: sum(scripts.filter((s) => !isSearch(s.url))) + gzipSync(inline).length,
		searchGzip: sum(scripts.filter((s) => isSearch(s.url))),
		scripts,
		hasIsland: html.includes("data-st-island"),
	};
}
