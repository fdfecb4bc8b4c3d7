import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build, type Rolldown } from "vite";
import solid from "vite-plugin-solid";
import type { Locale } from "../simulator/text/locale.ts";
import { runtimeManifestFile, type RuntimeManifest } from "../server/lms/runtime.ts";

/**
 * Builds the simulator that goes into a SCORM package, for one language, with relative URLs (an
 * LMS serves a package from any path), into `outDir` with `runtime.json` naming its entry script
 * and stylesheets. `npm run build` writes one per language under `dist/lms-runtime/` for the
 * server to package from; `npm run package:scorm` builds one the same way into a temporary
 * folder. Both then package it with `scormPackage` (server/lms/package.ts): one code path.
 */
export async function buildLmsRuntime(locale: Locale, outDir: string): Promise<RuntimeManifest> {
	const root = new URL("../../", import.meta.url).pathname;
	const output = await build({
		configFile: false,
		root,
		base: "./",
		logLevel: "warn",
		plugins: [solid({ ssr: false })],
		build: {
			outDir,
			emptyOutDir: true,
			copyPublicDir: false,
			target: "es2022",
			modulePreload: { polyfill: false },
			rolldownOptions: {
				input: { app: join(root, `src/simulator/ui/entries/package-${locale}.tsx`) },
				output: { entryFileNames: "assets/[name]-[hash].js" },
			},
		},
	});
	const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
	const entry = outputs
		.flatMap((o) => o.output)
		.find((o): o is Rolldown.OutputChunk => o.type === "chunk" && o.isEntry);
	if (!entry) throw new Error("the build produced no entry script");
	const manifest: RuntimeManifest = {
		locale,
		entry: entry.fileName,
		styles: [...(entry.viteMetadata?.importedCss ?? [])],
	};
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, runtimeManifestFile), `${JSON.stringify(manifest, null, "\t")}\n`);
	return manifest;
}

/**
 * The Astro integration: when the site is built, the SCORM runtime of each language is built
 * into `<outDir>/lms-runtime/<locale>/`, where the server packages from (LMS_RUNTIME_DIR).
 */
export function lmsRuntimeIntegration(locales: readonly Locale[]) {
	let outDir: URL | undefined;
	return {
		name: "staging-trainer:lms-runtime",
		hooks: {
			"astro:config:done": ({ config }: { config: { outDir: URL } }) => {
				outDir = config.outDir;
			},
			"astro:build:done": async ({ logger }: { logger: { info: (m: string) => void } }) => {
				if (!outDir) return;
				for (const locale of locales) {
					const dir = new URL(`lms-runtime/${locale}/`, outDir).pathname;
					const manifest = await buildLmsRuntime(locale, dir);
					logger.info(`SCORM runtime (${locale}): ${manifest.entry}`);
				}
			},
		},
	};
}
