import { readdirSync } from "node:fs";
import { join } from "node:path";

/** The guide's page paths, from the German sources (parity tests keep English in step). */
export function guidePaths(): string[] {
	const dir = join(import.meta.dirname, "../../src/content/docs/de");
	return readdirSync(dir)
		.filter((f) => f.endsWith(".mdx") || f.endsWith(".md"))
		.map((f) => f.replace(/\.mdx?$/, ""))
		.map((slug) => (slug === "index" ? "" : `${slug}/`))
		.sort();
}

export const locales = ["de", "en"] as const;
