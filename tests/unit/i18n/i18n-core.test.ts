import { describe, expect, test } from "vitest";
import de from "../../../src/i18n/de.json";
import en from "../../../src/i18n/en.json";
import { createTranslator, type Messages } from "../../../src/i18n/i18n-core";
import { locales } from "../../../src/simulator/text/locale.ts";
import { translator } from "../../../src/i18n/translator";

function leaves(node: Messages, prefix = ""): [string, string][] {
	return Object.entries(node).flatMap(([k, v]) =>
		typeof v === "string" ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
	);
}

const params = { name: "<b>Ä</b>", count: 3, max: 100, min: 1, score: 87, address: "a@b.de" };

describe("the browser's translator matches i18next", () => {
	for (const [locale, messages] of [
		["de", de],
		["en", en],
	] as const) {
		test(`every ${locale} key gives the same text, with and without params`, () => {
			const small = createTranslator(messages as Messages);
			const full = translator(locale);
			const keys = leaves(messages as Messages);
			expect(keys.length).toBeGreaterThan(100);
			for (const [key] of keys) {
				expect(small(key), key).toBe(full(key));
				expect(small(key, params), key).toBe(full(key, params));
			}
		});
	}

	test("a missing key shows the key, and an unknown placeholder stays visible", () => {
		const t = createTranslator({ a: { b: "Hi {{who}} and {{other}}" } });
		expect(t("a.missing")).toBe("a.missing");
		expect(t("a")).toBe("a");
		expect(t("a.b", { who: "Ann" })).toBe("Hi Ann and {{other}}");
	});
});

describe("one set of languages", () => {
	test("astro.config.mjs configures exactly the project's locales, German first", async () => {
		const { readFileSync } = await import("node:fs");
		const config = readFileSync(new URL("../../../astro.config.mjs", import.meta.url), "utf8");
		const block = /locales: \{([\s\S]*?)\n\t\t\t\},/.exec(config)?.[1] ?? "";
		expect([...block.matchAll(/^\s*(\w+): \{/gm)].map((m) => m[1])).toEqual([...locales]);
		expect(config).toContain(`defaultLocale: "${locales[0]}"`);
	});

	test("the browser's message subsets of both languages hold the same namespaces", async () => {
		const deBrowser = await import("../../../src/i18n/de-browser.ts");
		const enBrowser = await import("../../../src/i18n/en-browser.ts");
		expect(Object.keys(deBrowser).sort()).toEqual(Object.keys(enBrowser).sort());
		expect(Object.keys(deBrowser).length).toBeGreaterThan(10);
	});
});
