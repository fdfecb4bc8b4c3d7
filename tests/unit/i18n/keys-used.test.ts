import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { messages } from "../../../src/i18n/messages.ts";
import { keysCalled, type CalledKey } from "../support/keys-called.ts";

/**
 * Every message key the code asks for exists in both languages. The calls are read from the source
 * (TypeScript, TSX and Astro templates alike): `t("…")`, `sim.t("…")`, `props.t("…")` and the
 * prefixed helpers a file defines (`const s = (key) => t(\`trainer.scenarios.${key}\`)`). A key
 * built from a template (`steps.${id}.title`) must match at least one key of each language, so a
 * misspelt prefix fails too. Keys handed over as values (a rule's `titleKey`) are checked by
 * coverage.test.ts against the ids that produce them.
 */

const root = new URL("../../../src/", import.meta.url).pathname;

function sources(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: "utf8" })
		.filter((f) => /\.(ts|tsx|astro)$/.test(f) && !f.endsWith(".d.ts"))
		.map((f) => join(dir, f));
}

/** Every key of one language, plural forms under their base key too. */
function flatten(node: unknown, prefix = ""): string[] {
	if (typeof node !== "object" || node === null) return [prefix];
	return Object.entries(node).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}
const keys = Object.fromEntries(
	Object.entries(messages).map(([lng, tree]) => {
		const all = flatten(tree);
		return [
			lng,
			new Set([...all, ...all.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, ""))]),
		];
	}),
) as Record<keyof typeof messages, Set<string>>;

function found(call: CalledKey, lng: keyof typeof messages): boolean {
	if (call.pattern === undefined) return keys[lng].has(call.key);
	const pattern = call.pattern;
	return [...keys[lng]].some((k) => pattern.test(k));
}

const calls = sources(root).flatMap((file) =>
	keysCalled(readFileSync(file, "utf8")).map((call) => ({ ...call, file: relative(root, file) })),
);

describe("every message key the code asks for exists", () => {
	test("the scan finds the calls (so an empty scan cannot pass)", () => {
		expect(calls.length).toBeGreaterThan(800);
		expect(calls.some((c) => c.file.endsWith(".astro"))).toBe(true);
		expect(calls.some((c) => c.pattern !== undefined)).toBe(true);
	});

	test.each(Object.keys(messages) as (keyof typeof messages)[])("in %s", (lng) => {
		const missing = calls
			.filter((call) => !found(call, lng))
			.map((call) => `${call.file}: ${call.key}`);
		expect(missing).toEqual([]);
	});
});
