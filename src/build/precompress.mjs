// @ts-check
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { compressible } from "../server/http/static-files.ts";

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) twin beside every compressible file of the built
 * client folder, once at build time at the highest levels, so the server sends compressed bytes
 * without compressing per request (`src/server/http/static-files.ts` picks the twin). A twin that
 * would not be smaller is not written, and the server then sends the file as it is.
 * Which files: `compressible`, owned by the server that looks for the twins.
 *
 * @param {string} dir
 * @returns {{ files: number, bytes: number, br: number, gz: number }}
 */
export function precompress(dir) {
	const totals = { files: 0, bytes: 0, br: 0, gz: 0 };
	for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
		const path = join(dir, name);
		if (!compressible.includes(extname(path)) || !statSync(path).isFile()) continue;
		const plain = readFileSync(path);
		const br = brotliCompressSync(plain, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
				[constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
			},
		});
		const gz = gzipSync(plain, { level: 9 });
		totals.files++;
		totals.bytes += plain.length;
		if (br.length < plain.length) {
			writeFileSync(`${path}.br`, br);
			totals.br += br.length;
		}
		if (gz.length < plain.length) {
			writeFileSync(`${path}.gz`, gz);
			totals.gz += gz.length;
		}
	}
	return totals;
}

/** The Astro integration: precompress the client folder when a build is done. */
export function precompressIntegration() {
	/** @type {URL | undefined} */
	let client;
	return {
		name: "staging-trainer:precompress",
		hooks: {
			/** @param {{ config: { build: { client: URL } } }} options */
			"astro:config:done": ({ config }) => {
				client = config.build.client;
			},
			/** @param {{ logger: { info: (m: string) => void } }} options */
			"astro:build:done": ({ logger }) => {
				if (!client) return;
				const t = precompress(fileURLToPath(client));
				const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(0)} KB`;
				logger.info(
					`${t.files} files, ${kb(t.bytes)} → brotli ${kb(t.br)}, gzip ${kb(t.gz)} (written beside each file)`,
				);
			},
		},
	};
}
