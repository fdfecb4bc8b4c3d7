import { readFileSync, readdirSync, statSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

/**
 * The production server (`npm start`) sends the built files compressed and cached, as a reader's
 * browser gets them: the largest script of the build and a guide page, each in brotli and gzip,
 * decoded here byte for byte against the file in dist/client.
 */
const client = join(import.meta.dirname, "../../dist/client");

function raw(url: string, encoding: string) {
	return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
		const req = request(url, { headers: { "accept-encoding": encoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on("data", (c: Buffer) => chunks.push(c));
			res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.on("error", reject);
		req.end();
	});
}

const largestScript = readdirSync(join(client, "_astro"))
	.filter((f) => f.endsWith(".js"))
	.sort(
		(a, b) => statSync(join(client, "_astro", b)).size - statSync(join(client, "_astro", a)).size,
	)[0]!;

const files = [
	{
		path: `/_astro/${largestScript}`,
		file: join(client, "_astro", largestScript),
		cache: "public, max-age=31536000, immutable",
	},
	{
		path: "/de/staging/",
		file: join(client, "de/staging/index.html"),
		cache: "public, max-age=0, must-revalidate",
	},
];

for (const { path, file, cache } of files) {
	test(`${path} goes out in brotli and gzip, decoding to the built file`, async ({ baseURL }) => {
		const original = readFileSync(file);
		const br = await raw(`${baseURL}${path}`, "gzip, deflate, br");
		expect(br.headers["content-encoding"]).toBe("br");
		expect(br.headers.vary).toBe("Accept-Encoding");
		expect(br.headers["cache-control"]).toBe(cache);
		expect(br.headers["x-content-type-options"]).toBe("nosniff");
		expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
		expect(br.body.length).toBeLessThan(original.length * 0.5);
		const gz = await raw(`${baseURL}${path}`, "gzip");
		expect(gz.headers["content-encoding"]).toBe("gzip");
		expect(gunzipSync(gz.body).equals(original)).toBe(true);
	});
}
