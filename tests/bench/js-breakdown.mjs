// Attributes the browser bundle's bytes to their sources, so a JavaScript budget is worked on
// where the bytes are. Needs a build with source maps: `SOURCEMAP=1 npm run build`.
// Usage: node tests/bench/js-breakdown.mjs [chunk-name-filter] [--depth N]  (or `npm run size:why`)
// Each source's share of a chunk's gzip size is estimated from its share of the minified bytes.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { SourceMapConsumer } from "source-map";

const dir = "dist/client/_astro";
const args = process.argv.slice(2);
const depthAt = args.indexOf("--depth");
const depth = depthAt >= 0 ? Number(args[depthAt + 1]) : 0;
const filter = args.find((a, i) => !a.startsWith("--") && (depthAt < 0 || i !== depthAt + 1)) ?? "";

const group = (source) => {
	const clean = source.replace(/^(\.\.\/)+/, "").replace(/\?.*$/, "");
	if (!depth) return clean;
	return clean.split("/").slice(0, depth).join("/");
};

for (const file of readdirSync(dir).filter((f) => f.endsWith(".js") && f.includes(filter))) {
	const code = readFileSync(join(dir, file), "utf8");
	const gzip = gzipSync(code).length;
	const mapFile = join(dir, file + ".map");
	console.log(`\n${file}: ${code.length} B min, ${gzip} B gzip`);
	if (!existsSync(mapFile)) continue;
	const bytes = new Map();
	await SourceMapConsumer.with(JSON.parse(readFileSync(mapFile, "utf8")), null, (map) => {
		const lines = code.split("\n");
		let last = null;
		map.eachMapping((m) => {
			if (last) {
				const line = lines[last.generatedLine - 1];
				const end = m.generatedLine === last.generatedLine ? m.generatedColumn : line.length;
				const key = last.source ? group(last.source) : "(unmapped)";
				bytes.set(key, (bytes.get(key) ?? 0) + Math.max(0, end - last.generatedColumn));
			}
			last = m;
		});
	});
	const total = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
	const rows = [...bytes.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, Number(process.env.TOP ?? 40))
		.map(([source, min]) => ({ source, min, gzipShare: Math.round((min / total) * gzip) }));
	console.table(rows);
}
