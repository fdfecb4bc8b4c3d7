import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { glossary } from "../../../src/i18n/glossary";
import { stepIds } from "../../../src/simulator/process/steps";

const docs = join(import.meta.dirname, "../../../src/content/docs");
const locales = ["de", "en"] as const;

function pages(locale: string): string[] {
	return readdirSync(join(docs, locale), { recursive: true, encoding: "utf8" })
		.filter((f) => /\.mdx?$/.test(f))
		.sort();
}

function read(locale: string, page: string): string {
	return readFileSync(join(docs, locale, page), "utf8");
}

/** Explicit heading anchors written as `\{#id\}` (MDX) or `{#id}` (Markdown). */
function anchors(source: string): string[] {
	return [...source.matchAll(/^#{2,6} .*?\\?\{#([a-z][a-z0-9-]*)\\?\}\s*$/gm)].map((m) => m[1]!);
}

describe("guide parity between German and English", () => {
	test("every page exists in both languages", () => {
		expect(pages("de")).toEqual(pages("en"));
		expect(pages("de")).toEqual(
			expect.arrayContaining([
				"index.mdx",
				"staging.mdx",
				"access-roles.mdx",
				"users.mdx",
				"troubleshooting.mdx",
				"glossary.mdx",
				"about.mdx",
			]),
		);
	});

	test.each(pages("de"))("%s carries the same explicit anchors in both languages", (page) => {
		expect(anchors(read("en", page))).toEqual(anchors(read("de", page)));
	});

	test.each(locales)("every stable step id is an anchor on the %s staging page, once", (locale) => {
		const found = anchors(read(locale, "staging.mdx"));
		for (const id of stepIds) {
			expect(
				found.filter((a) => a === id),
				`#${id}`,
			).toHaveLength(1);
		}
	});

	test.each(locales)("every exact glossary label appears on the %s staging page", (locale) => {
		const text = read(locale, "staging.mdx");
		const missing = glossary
			.filter((t) => t.exact && !text.includes(t[locale]))
			.map((t) => t[locale]);
		expect(missing).toEqual([]);
	});

	test.each(locales)("%s pages link only within their own language", (locale) => {
		const other = locale === "de" ? "en" : "de";
		for (const page of pages(locale)) {
			expect(read(locale, page), page).not.toMatch(new RegExp(`\\]\\(/${other}/|href="/${other}/`));
		}
	});
});
