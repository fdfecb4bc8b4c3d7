import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { appVersion } from "../../../src/simulator/version.ts";

test("the version an attempt records is package.json's, kept in one place", () => {
	const pkg = JSON.parse(
		readFileSync(new URL("../../../package.json", import.meta.url), "utf8"),
	) as { version: string };
	expect(appVersion).toBe(pkg.version);
	const source = readFileSync(
		new URL("../../../src/simulator/version.ts", import.meta.url),
		"utf8",
	);
	// Read, not restated: no version number is written in the source.
	expect(source).not.toMatch(/\d+\.\d+\.\d+/);
});
