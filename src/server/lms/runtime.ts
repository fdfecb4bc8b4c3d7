import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { localeSchema } from "../../simulator/text/locale-schema.ts";
import type { Locale } from "../../simulator/text/locale.ts";

/**
 * The simulator a SCORM package carries, built once per language (src/build/lms-runtime.ts): its
 * files, and which of them is the entry script and the stylesheets. Read from disk here, checked
 * like any file from outside, and kept in memory by the server after the first package.
 */
export const runtimeManifestFile = "runtime.json";

export const runtimeManifestSchema = z.object({
	locale: localeSchema,
	entry: z.string().regex(/^assets\/[\w.-]+\.js$/),
	styles: z.array(z.string().regex(/^assets\/[\w.-]+\.css$/)),
});
export type RuntimeManifest = z.infer<typeof runtimeManifestSchema>;

export interface LmsRuntime {
	readonly manifest: RuntimeManifest;
	/** Every file of the runtime but its manifest, by its path inside the package, sorted. */
	readonly files: ReadonlyMap<string, Uint8Array>;
}

/** The runtime in `dir`, or null when there is none (a server started without `npm run build`). */
export function readRuntime(dir: string): LmsRuntime | null {
	const manifestPath = join(dir, runtimeManifestFile);
	if (!existsSync(manifestPath)) return null;
	const manifest = runtimeManifestSchema.parse(JSON.parse(readFileSync(manifestPath, "utf8")));
	const names = readdirSync(dir, { recursive: true, encoding: "utf8" })
		.map((f) => f.split("\\").join("/"))
		.filter((f) => f !== runtimeManifestFile && statSync(join(dir, f)).isFile())
		.sort();
	return {
		manifest,
		files: new Map(names.map((f) => [f, new Uint8Array(readFileSync(join(dir, f)))])),
	};
}

const loaded = new Map<string, LmsRuntime>();

/** The server's runtime for `locale` under `root` (LMS_RUNTIME_DIR), read once it is there. */
export function serverRuntime(root: string, locale: Locale): LmsRuntime | null {
	const dir = join(root, locale);
	const known = loaded.get(dir);
	if (known !== undefined) return known;
	const runtime = readRuntime(dir);
	if (runtime !== null) loaded.set(dir, runtime);
	return runtime;
}
