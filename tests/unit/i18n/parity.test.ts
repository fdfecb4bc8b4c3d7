import { describe, expect, test } from "vitest";
import { messages } from "../../../src/i18n/messages.ts";

const { de, en } = messages;

/** Flattens nested messages to dotted keys, as i18next addresses them. */
function flatten(value: unknown, prefix = ""): Map<string, unknown> {
	const out = new Map<string, unknown>();
	if (typeof value === "object" && value !== null && !Array.isArray(value)) {
		for (const [key, child] of Object.entries(value)) {
			for (const [k, v] of flatten(child, prefix === "" ? key : `${prefix}.${key}`)) out.set(k, v);
		}
	} else {
		out.set(prefix, value);
	}
	return out;
}

function params(message: unknown): string[] {
	if (typeof message !== "string") return [];
	return [...message.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1] ?? "").sort();
}

const german = flatten(de);
const english = flatten(en);

describe("i18n parity of src/i18n/de.json and en.json", () => {
	test("the same keys in both languages", () => {
		expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
	});

	test("every message is a non-empty string", () => {
		for (const [key, value] of [...german, ...english]) {
			expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
		}
	});

	test("the same interpolation parameters per key", () => {
		for (const [key, value] of german) {
			expect(params(value), key).toEqual(params(english.get(key)));
		}
	});

	test("braces are balanced, so no placeholder is silently printed", () => {
		for (const [key, value] of [...german, ...english]) {
			const text = String(value);
			expect(text.split("{{").length, key).toBe(text.split("}}").length);
		}
	});
});
