import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { test } from "@playwright/test";
import { format } from "prettier";
import sharp from "sharp";
import {
	capture,
	locales,
	manifestKey,
	manifestUrl,
	pictureUrl,
	screenNames,
	screensDir,
	sha256,
	walk,
	editorWalk,
	type Manifest,
} from "./walk.ts";

// `npm run screenshots` (tests/screens/playwright.config.ts): writes the guide's pictures of the
// simulated Control Center and their manifest. The browser tests only check them
// (tests/e2e/screens.spec.ts); this is the one place that writes them.

test.use({
	viewport: capture.viewport,
	deviceScaleFactor: capture.deviceScaleFactor,
	colorScheme: capture.colorScheme,
	reducedMotion: "reduce",
});

function readManifest(): Manifest {
	return existsSync(manifestUrl) ? (JSON.parse(readFileSync(manifestUrl, "utf8")) as Manifest) : {};
}

async function writeManifest(manifest: Manifest): Promise<void> {
	// Only the pictures that are still taken, in a fixed order, formatted as the repository is.
	const entries = locales.flatMap((locale) =>
		screenNames.map((name) => manifestKey(locale, name)).filter((key) => manifest[key]),
	);
	const text = JSON.stringify(Object.fromEntries(entries.map((key) => [key, manifest[key]])));
	writeFileSync(manifestUrl, await format(text, { parser: "json", useTabs: true }));
}

for (const locale of locales) {
	test(`takes the pictures of the simulator in ${locale}`, async ({ page }) => {
		test.setTimeout(120_000);
		const manifest = readManifest();
		mkdirSync(new URL(`${locale}/`, screensDir), { recursive: true });
		const take: Parameters<typeof walk>[2] = async ({ name, area, fingerprint }) => {
			const raw = await area.screenshot({ animations: "disabled", caret: "hide" });
			// A palette keeps the files small; the build makes the guide's WebP and AVIF from them.
			const png = await sharp(raw)
				.png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 })
				.toBuffer();
			writeFileSync(pictureUrl(locale, name), png);
			manifest[manifestKey(locale, name)] = { screen: fingerprint, png: sha256(png) };
		};
		await walk(page, locale, take);
		await editorWalk(page, locale, take);
		await writeManifest(manifest);
	});
}
