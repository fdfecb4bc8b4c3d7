import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The core runs in the browser, in tests, on the trainer's machine and on the score server, so it
 * may import only zod/mini (small enough for the browser budget), other core files and the
 * built-in scenarios' JSON: no server, no i18n layer, no Astro, Solid, nanostores, Node built-ins
 * or DOM globals. Every import that leaves the core folders fails, whatever it names.
 */

const src = new URL("../../../src/", import.meta.url).pathname;
const root = join(src, "simulator/");
const folders = [
	"model",
	"process",
	"grading",
	"scenarios",
	"attempt",
	"cohort",
	"lms",
	"text",
	"proofs",
];
/** Data the core reads as it is: the built-in scenario files. */
const dataFolder = join(src, "content/scenarios/");

/** Why an import specifier in `file` leaves the core, or null when it stays inside. */
function leavesCore(file: string, specifier: string): string | null {
	if (specifier === "zod/mini") return null;
	if (!specifier.startsWith(".")) return `imports the package ${specifier}`;
	const target = resolve(dirname(file), specifier);
	if (target.startsWith(dataFolder) && target.endsWith(".json")) return null;
	const inCore = folders.some((folder) => target.startsWith(join(root, folder) + "/"));
	return inCore ? null : `imports ${relative(src, target)}, outside the core`;
}

function sources(): string[] {
	const files = folders.flatMap((folder) =>
		readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
			.filter((f) => f.endsWith(".ts"))
			.map((f) => join(root, folder, f)),
	);
	return files;
}

/** Code without comments and string contents, so prose and data cannot trigger a match. */
function code(source: string): string {
	return source
		.replace(/\/\*[\s\S]*?\*\//g, "")
		.replace(/\/\/.*$/gm, "")
		.replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""');
}

function specifiers(source: string): string[] {
	return [...source.matchAll(/^\s*(?:import|export)[^;]*?from\s+["']([^"']+)["']/gm)].map(
		(m) => m[1] ?? "",
	);
}

describe("the pure core", () => {
	const files = sources();

	test("covers every core folder", () => {
		for (const folder of folders) expect(files.some((f) => f.includes(`/${folder}/`))).toBe(true);
		expect(files.length).toBeGreaterThan(30);
	});

	test.each(files.map((f) => [f.slice(root.length), f]))(
		"%s imports only zod/mini, the core and the scenario files",
		(_name, file) => {
			const problems = specifiers(readFileSync(file, "utf8"))
				.map((specifier) => leavesCore(file, specifier))
				.filter((problem) => problem !== null);
			expect(problems).toEqual([]);
		},
	);

	test.each(files.map((f) => [f.slice(root.length), f]))(
		"%s uses no DOM or Node globals",
		(_name, file) => {
			const text = code(readFileSync(file, "utf8"));
			for (const global of [
				"window",
				"document",
				"localStorage",
				"sessionStorage",
				"navigator",
				"HTMLElement",
				"fetch",
				"process",
				"require",
				"Buffer",
				"__dirname",
			]) {
				expect(new RegExp(`(?<![.\\w])${global}\\b`).test(text), global).toBe(false);
			}
		},
	);

	test("store/ holds state: nanostores and what they keep, nothing that renders or fetches", () => {
		const store = join(root, "store");
		const modules = readdirSync(store, { recursive: true, encoding: "utf8" }).filter((f) =>
			f.endsWith(".ts"),
		);
		expect(modules.length).toBeGreaterThan(4);
		const imports = (file: string) => specifiers(readFileSync(join(store, file), "utf8"));
		for (const file of modules) {
			for (const specifier of imports(file)) {
				expect(specifier, file).not.toMatch(/^solid-js|\/(ui|client|server)\/|\.tsx$/);
			}
		}
		// Each store module proper is a nanostore; its helpers (saved form, phase, key) are plain.
		for (const file of ["cohort.ts", "trainee.ts", "session/store.ts"]) {
			expect(
				imports(file).some((s) => s === "nanostores" || s.startsWith("@nanostores/")),
				file,
			).toBe(true);
		}
	});

	test("nothing in the browser's code imports the server", () => {
		const browser = ["store", "ui", "client"].flatMap((folder) =>
			readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
				.filter((f) => /\.tsx?$/.test(f))
				.map((f) => join(root, folder, f)),
		);
		expect(browser.length).toBeGreaterThan(20);
		for (const file of browser) {
			for (const specifier of specifiers(readFileSync(file, "utf8"))) {
				expect(specifier, file).not.toMatch(/\/server\//);
			}
		}
	});

	test("the checks would catch a forbidden import or global", () => {
		const sample =
			'import { createSignal } from "solid-js";\nimport type { A } from "./ok.ts";\nwindow.x = 1;';
		expect(specifiers(sample)).toEqual(["solid-js", "./ok.ts"]);
		expect(code(sample)).toContain("window.x");
		expect(code('// window\nconst s = "document";')).not.toMatch(/window|document/);

		const core = join(root, "process/guide.ts");
		for (const [specifier, allowed] of [
			["./steps.ts", true],
			["../text/locale.ts", true],
			["../../content/scenarios/first-handover.json", true],
			["zod/mini", true],
			["../../i18n/i18n-core.ts", false],
			["../../server/config.ts", false],
			["../../escape.ts", false],
			["../store/session/store.ts", false],
			["../ui/Simulator.tsx", false],
			["../version.ts", false],
			["../../content/docs/de/index.mdx", false],
			["astro:content", false],
			["solid-js", false],
			["node:fs", false],
			["zod", false],
		] as const) {
			expect(leavesCore(core, specifier) === null, specifier).toBe(allowed);
		}
	});
});
