import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { scenarioJsonSchema } from "../../../src/simulator/scenarios/json-schema.ts";

/** `npm run scenario:check`, run as npm would (tsx on the pinned Node), and the JSON Schema. */

const repo = new URL("../../../", import.meta.url).pathname;
const tsx = join(repo, "node_modules/tsx/dist/cli.mjs");
const dir = mkdtempSync(join(tmpdir(), "staging-trainer-scenario-check-"));
const builtIn = readdirSync(join(repo, "src/content/scenarios")).map(
	(f) => `src/content/scenarios/${f}`,
);

function check(...files: string[]) {
	const result = spawnSync(process.execPath, [tsx, "scripts/scenario-check.ts", ...files], {
		cwd: repo,
		encoding: "utf8",
		env: { ...process.env, INIT_CWD: repo },
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The parts of a scenario file the broken copies change. */
interface Editable {
	configurations: { label: string }[];
	mailboxes: { email: string }[];
	users: { roles: string[] }[];
	recipients: string[];
}

function brokenCopy(name: string, change: (s: Editable) => void): string {
	const s: Editable = JSON.parse(
		readFileSync(join(repo, "src/content/scenarios/warehouse-integrations.json"), "utf8"),
	);
	change(s);
	const path = join(dir, name);
	writeFileSync(path, JSON.stringify(s));
	return path;
}

describe("npm run scenario:check", () => {
	test("every built-in scenario file is fair: exit 0, one line a file", () => {
		const run = check(...builtIn);
		expect(run.stderr).toBe("");
		expect(run.code).toBe(0);
		expect(run.stdout.trimEnd().split("\n")).toHaveLength(builtIn.length);
	});

	test("broken copies: exit 2 and one line per problem, naming the file, the proof and the field", () => {
		const unknownLabel = brokenCopy("unknown-label.json", (s) => {
			s.configurations[0]!.label = "Gibt es nicht";
		});
		const twoProblems = brokenCopy("two-problems.json", (s) => {
			s.mailboxes[0]!.email = "";
			s.users[0]!.roles = [];
		});
		const notJson = join(dir, "not-json.json");
		writeFileSync(notJson, "{ scenario");
		const run = check(unknownLabel, twoProblems, notJson, join(dir, "missing.json"));
		expect(run.code).toBe(2);
		expect(run.stdout).toBe("");
		const lines = run.stderr.trimEnd().split("\n");
		expect(lines).toHaveLength(5);
		expect(lines[0]).toBe(
			`${unknownLabel}: schema: configurations[0].label: unknown label Gibt es nicht`,
		);
		expect(lines[1]).toMatch(/two-problems\.json: schema: users\[0\]\.roles: /);
		expect(lines[2]).toMatch(/two-problems\.json: schema: mailboxes\[0\]\.email: invalid/);
		expect(lines[3]).toMatch(/not-json\.json: not valid JSON/);
		expect(lines[4]).toMatch(/missing\.json: cannot read it \(no such file\)/);
		expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
	});

	test("a fair file among broken ones still fails the run", () => {
		const broken = brokenCopy("one-broken.json", (s) => {
			s.recipients = ["nobody"];
		});
		const run = check(builtIn[0]!, broken);
		expect(run.code).toBe(2);
		expect(run.stdout.trim()).toMatch(/fair/);
		expect(run.stderr).toMatch(
			/one-broken\.json: schema: recipients\[0\]: unknown recipient nobody/,
		);
	});
});

describe("the scenario file's JSON Schema", () => {
	test("public/schemas/scenario.schema.json is the one the zod schema generates (npm run scenario:schema)", () => {
		const committed = JSON.parse(
			readFileSync(join(repo, "public/schemas/scenario.schema.json"), "utf8"),
		);
		expect(committed).toEqual(scenarioJsonSchema());
	});

	test("it describes what a scenario file holds, and lets a file name it", () => {
		const schema = scenarioJsonSchema() as {
			properties: Record<string, unknown>;
			required: string[];
		};
		expect(Object.keys(schema.properties)).toEqual(
			expect.arrayContaining([
				"$schema",
				"customer",
				"labels",
				"configurations",
				"recipients",
				"texts",
			]),
		);
		expect(schema.required).toEqual(expect.arrayContaining(["id", "customer", "recipients"]));
	});
});
