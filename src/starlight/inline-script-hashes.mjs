// @ts-check
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * SHA-256 hashes (CSP `'sha256-…'` sources) of Starlight's `<script is:inline>` blocks: the theme,
 * sidebar and search shortcut scripts every page carries. Astro's `security.csp` hashes the scripts
 * it bundles but not inline ones (withastro/astro#16678), so without these the theme switch and
 * sidebar would stop working under the policy. Astro writes an inline script's text unchanged, so
 * the hash of the source text is the hash of what the page holds; the browser test that every page
 * runs without a policy violation (tests/e2e/security.spec.ts) catches it if that ever changes.
 *
 * Our own components are read too, so an inline script added to one is allowed without a step to
 * remember.
 *
 * @param {string[]} [folders] folders to read (with subfolders); Starlight's `dist` and our `src`
 * @returns {`sha256-${string}`[]}
 */
export function inlineScriptHashes(folders) {
	// All of Starlight's components, the user components (Tabs has an inline script) included.
	const starlight = dirname(
		dirname(fileURLToPath(import.meta.resolve("@astrojs/starlight/components/Head.astro"))),
	);
	const src = fileURLToPath(new URL("..", import.meta.url));
	const hashes = new Set();
	for (const folder of folders ?? [starlight, src]) {
		const files = readdirSync(folder, { recursive: true, encoding: "utf8" });
		for (const file of files.filter((f) => f.endsWith(".astro"))) {
			const source = readFileSync(join(folder, file), "utf8");
			for (const match of source.matchAll(
				/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g,
			)) {
				const body = match[1] ?? "";
				hashes.add(`sha256-${createHash("sha256").update(body).digest("base64")}`);
			}
		}
	}
	return [...hashes].sort();
}
