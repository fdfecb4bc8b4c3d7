import { describe, expect, test } from "vitest";
import { negotiateLocale } from "../../../src/i18n/negotiate";

describe("negotiateLocale", () => {
	test.each([
		[null, "de"],
		["", "de"],
		["en-US,en;q=0.9", "en"],
		["de-DE,de;q=0.9,en;q=0.8", "de"],
		["en;q=0.5,de;q=0.9", "de"],
		["fr-FR,fr;q=0.9,en;q=0.7", "en"],
		["fr-FR,it", "de"],
		["EN-gb", "en"],
		["en;q=0,de;q=0.1", "de"],
		["en;q=abc", "de"],
		["de,en", "de"],
		["en,de", "en"],
	])("%s -> %s", (header, expected) => {
		expect(negotiateLocale(header)).toBe(expected);
	});
});
