import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };

/** A scenario the guide names by its title must exist under that title in the same language. */

const docs = new URL("../../../src/content/docs/", import.meta.url).pathname;
const titles = {
	de: new Set(Object.values(de.scenarios).map((s) => s.title)),
	en: new Set(Object.values(en.scenarios).map((s) => s.title)),
};
const mention = { de: /Szenario „([^“]+)“/g, en: /scenario “([^”]+)”/g };

describe("the guide names scenarios by their current titles", () => {
	for (const locale of ["de", "en"] as const) {
		test(`${locale}`, () => {
			let found = 0;
			for (const file of readdirSync(join(docs, locale))) {
				const text = readFileSync(join(docs, locale, file), "utf8");
				for (const [, title] of text.matchAll(mention[locale])) {
					found++;
					expect(titles[locale].has(title ?? ""), `${file}: ${title}`).toBe(true);
				}
			}
			expect(found).toBeGreaterThanOrEqual(4);
		});
	}
});
