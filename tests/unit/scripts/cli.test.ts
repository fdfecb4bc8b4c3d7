import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scenarios } from "../../../src/simulator/scenarios/registry.ts";
import { beforeAll, describe, expect, test } from "vitest";
import { unzipSync } from "fflate";
import { CohortStore } from "../../../src/server/cohorts/store.ts";
import { SqliteDatabase } from "../../../src/server/database/sqlite.ts";
import { openDatabase } from "../../../src/server/database/sqlite-schema.ts";
import { attemptSchema } from "../../../src/simulator/attempt/schema.ts";
import { draftOfScenario } from "../../../src/simulator/scenarios/draft.ts";
import { ScenarioStore } from "../../../src/server/scenarios/store.ts";
import { AccountStore } from "../../../src/server/access/accounts.ts";
import { AuditLog } from "../../../src/server/access/audit.ts";
import { hashPassword, verifyPassword } from "../../../src/server/access/password.ts";

/** The command-line tools, run as `npm run` would run them (tsx on the pinned Node). */

const repo = new URL("../../../", import.meta.url).pathname;
const tsx = join(repo, "node_modules/tsx/dist/cli.mjs");
const dir = mkdtempSync(join(tmpdir(), "staging-trainer-cli-"));

function cli(script: "solve" | "grade", ...args: string[]) {
	const result = spawnSync(process.execPath, [tsx, `scripts/${script}.ts`, ...args], {
		cwd: repo,
		encoding: "utf8",
		env: { ...process.env, INIT_CWD: dir },
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string): string {
	const path = join(dir, name);
	writeFileSync(path, content);
	return path;
}

function expectOneLineError(run: ReturnType<typeof cli>, pattern: RegExp) {
	expect(run.code).toBe(2);
	expect(run.stdout).toBe("");
	expect(run.stderr.endsWith("\n")).toBe(true);
	expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
	expect(run.stderr).toMatch(pattern);
	expect(run.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

describe("npm run solve", () => {
	test("--list lists every scenario with its difficulty", () => {
		const run = cli("solve", "--list");
		expect(run.code).toBe(0);
		expect(run.stdout.trimEnd().split("\n")).toHaveLength(scenarios.length);
		expect(run.stdout).toMatch(/^first-handover\s+1\s+First handover/m);
	});

	test("prints a valid reference attempt that grades 100, also from a start point", () => {
		const solved = cli(
			"solve",
			"multi-site-erp",
			"12",
			"--start",
			"transfer-ownership",
			"--locale",
			"de",
		);
		expect(solved.code).toBe(0);
		const attempt = attemptSchema.parse(JSON.parse(solved.stdout));
		expect(attempt).toMatchObject({
			scenario: { id: "multi-site-erp", seed: 12, start: "transfer-ownership" },
			locale: "de",
			mode: "demo",
		});
		const graded = cli("grade", file("reference.json", solved.stdout));
		expect(graded.code).toBe(0);
		expect(JSON.parse(graded.stdout)).toMatchObject({
			attempt: attempt.id,
			score: 100,
			passed: true,
			findings: [],
			claimMatches: true,
		});
	});

	test("an unknown scenario or a bad seed is a one-line error", () => {
		expectOneLineError(cli("solve", "nope"), /unknown scenario "nope"/);
		expectOneLineError(cli("solve", "first-handover", "-3"), /invalid seed/);
		expectOneLineError(
			cli("solve", "first-handover", "1", "--start", "lunch"),
			/unknown step "lunch"/,
		);
	});
});

describe("npm run grade", () => {
	test.each<[string, string, RegExp]>([
		["missing.json", "", /cannot read missing\.json: no such file/],
		["broken.json", "{ not json", /broken\.json is not valid JSON/],
		["empty.json", "", /empty\.json is not valid JSON/],
		["array.json", "[]", /not a valid attempt: attempt: Invalid input/],
		[
			"no-events.json",
			'{"id":"a","scenario":{"id":"first-handover","seed":1},"locale":"de","mode":"practice","startedAt":"2026-01-05T08:00:00.000Z","appVersion":"1","hintsUsed":0}',
			/not a valid attempt: events: /,
		],
		[
			"bad-action.json",
			'{"id":"a","scenario":{"id":"first-handover","seed":1},"locale":"de","mode":"practice","startedAt":"2026-01-05T08:00:00.000Z","appVersion":"1","hintsUsed":0,"events":[{"at":"2026-01-05T08:00:00.000Z","action":{"type":"rm -rf"}}]}',
			/events\[0\]\.action\.type: unknown action type "rm -rf"/,
		],
		[
			"unknown-scenario.json",
			'{"id":"a","scenario":{"id":"nope","seed":1},"locale":"de","mode":"practice","startedAt":"2026-01-05T08:00:00.000Z","appVersion":"1","hintsUsed":0,"events":[]}',
			/scenario\.id: unknown scenario "nope"/,
		],
	])("%s: exit 2 with one line naming the problem", (name, content, pattern) => {
		const path = name === "missing.json" ? name : file(name, content);
		expectOneLineError(cli("grade", path), pattern);
	});

	test("npm run grade is wired to the same script", () => {
		const run = spawnSync("npm", ["run", "-s", "grade", "--", join(dir, "nothing-here.json")], {
			cwd: repo,
			encoding: "utf8",
		});
		expect(run.status).toBe(2);
		expect(run.stderr.trimEnd().split("\n")).toEqual([
			`cannot read ${join(dir, "nothing-here.json")}: no such file`,
		]);
	});
});

describe("npm run package:scorm, refusing bad input before it builds", () => {
	const pack = (...args: string[]) => {
		const result = spawnSync(process.execPath, [tsx, "scripts/package-scorm.ts", ...args], {
			cwd: repo,
			encoding: "utf8",
			env: { ...process.env, INIT_CWD: dir },
		});
		return { code: result.status, stdout: result.stdout, stderr: result.stderr };
	};
	test.each([
		[["--lang", "de"], /--scenario is required/],
		[
			["--scenario", "no-such", "--lang", "de"],
			/unknown scenario "no-such"; known: first-handover/,
		],
		[["--scenario", "first-handover", "--lang", "fr"], /--lang must be de or en, not "fr"/],
		[
			["--scenario", "first-handover", "--lang", "de", "--seed", "-1"],
			/--seed must be a whole number/,
		],
		[["--scenario", "first-handover", "--lang", "de", "--seed", "4294967296"], /--seed must be/],
		[
			["--scenario", "first-handover", "--lang", "de", "--seed", "1", "--seed-per-learner"],
			/either --seed or --seed-per-learner/,
		],
		[
			["--scenario", "first-handover", "--lang", "de", "--version", "2"],
			/--version must be 1.2 or 2004/,
		],
		[
			["--scenario", "first-handover", "--lang", "de", "--out", "/no/such/folder/p.zip"],
			/cannot write .*no such folder/,
		],
		[
			["--scenario", "first-handover", "--lang", "de", "--out", "."],
			/cannot write .*it is a folder/,
		],
		[["--scenario", "first-handover", "--lang"], /--lang needs a value/],
		[
			["--scenario", "first-handover", "--lang", "de", "--colour", "red"],
			/unknown argument "--colour"/,
		],
	])("%j", (args, pattern) => {
		expectOneLineError(pack(...args), pattern);
	});
});

describe("npm run package:scorm --cohort, for a cohort of the score server", () => {
	const db = join(dir, "scores.db");
	let code = "";
	beforeAll(async () => {
		const database = new SqliteDatabase(openDatabase(db, "normal"));
		const cohort = await new CohortStore(database).create(
			{
				name: `Partner <b>"Nord"</b> & Co`,
				code: "",
				scenarios: ["bottling-line", "first-handover"],
				practice: false,
				sameSeed: true,
				opensOn: "2026-01-01",
				closesOn: "2099-12-31",
				attemptLimit: null,
				collectPractice: false,
				certificate: false,
			},
			new Date("2026-01-01T00:00:00Z"),
			null,
		);
		await database.close();
		if (cohort === "taken") throw new Error("code taken");
		code = cohort.code;
	});
	const pack = (...args: string[]) => {
		const result = spawnSync(process.execPath, [tsx, "scripts/package-scorm.ts", ...args], {
			cwd: repo,
			encoding: "utf8",
			env: { ...process.env, INIT_CWD: dir, SCORES_DB: db },
		});
		return { code: result.status, stdout: result.stdout, stderr: result.stderr };
	};

	test(
		"the package takes the cohort's scenario, variant, code and name",
		{ timeout: 120_000 },
		async () => {
			const out = join(dir, "cohort.zip");
			const run = pack(
				"--cohort",
				code.toLowerCase(),
				"--scenario",
				"bottling-line",
				"--lang",
				"de",
				"--out",
				out,
			);
			expect(run.stderr).toBe("");
			expect(run.code).toBe(0);
			const files = unzipSync(new Uint8Array(readFileSync(out)));
			const html = new TextDecoder().decode(files["index.html"]);
			const config = JSON.parse(
				/<script type="application\/json" id="st-package">(.*?)<\/script>/.exec(html)![1]!,
			);
			const database = new SqliteDatabase(openDatabase(db, "normal"));
			const cohort = (await new CohortStore(database).byCode(code))!;
			// The export is in the audit trail.
			expect(await new AuditLog(database).list({ action: "scorm-exported" })).toMatchObject([
				{ actor: "command line", targetType: "cohort", target: `Partner <b>"Nord"</b> & Co` },
			]);
			await database.close();
			expect(config).toMatchObject({
				scenarioId: "bottling-line",
				seed: cohort.seed,
				joinCode: cohort.code,
				locale: "de",
			});
			const manifest = new TextDecoder().decode(files["imsmanifest.xml"]);
			expect(manifest).toContain("Partner &lt;b&gt;&quot;Nord&quot;&lt;/b&gt; &amp; Co");
			expect(manifest).not.toContain("<b>");
		},
	);

	test.each([
		[["--cohort", "LW-NOPE-NOPE", "--lang", "de"], /no cohort with the code "LW-NOPE-NOPE"/],
		[
			["--cohort", "CODE", "--lang", "de"],
			/assigns several scenarios; choose one with --scenario: bottling-line, first-handover/,
		],
		[
			["--cohort", "CODE", "--scenario", "multi-site-erp", "--lang", "de"],
			/does not assign "multi-site-erp"/,
		],
		[["--cohort", "CODE", "--seed", "3", "--lang", "de"], /a cohort decides the variant/],
	])("%j", (args, pattern) => {
		expectOneLineError(pack(...args.map((a) => (a === "CODE" ? code : a))), pattern);
	});

	test("without the server's database it says where it looked", () => {
		const result = spawnSync(
			process.execPath,
			[tsx, "scripts/package-scorm.ts", "--cohort", "X", "--lang", "de"],
			{
				cwd: repo,
				encoding: "utf8",
				env: { ...process.env, INIT_CWD: dir, SCORES_DB: join(dir, "missing.db") },
			},
		);
		expectOneLineError(
			{ code: result.status, stdout: result.stdout, stderr: result.stderr },
			/no score database at .*missing\.db/,
		);
	});
});

describe("npm run package:scorm for a trainer's own scenario", () => {
	const db = join(dir, "own.db");
	let id = "";
	const title = `Pharma <img src=x onerror=alert(1)> & "Co"`;
	beforeAll(async () => {
		const database = new SqliteDatabase(openDatabase(db, "normal"));
		const store = new ScenarioStore(database);
		const base = scenarios.find((s) => s.id === "bottling-line")!;
		const own = await store.create(draftOfScenario(base), "pharma", new Date(), null);
		id = own.id;
		const texts = { de: { title, summary: "Kurz.", brief: "Für {{company}}." } };
		await store.publish(id, { ...base, id, texts }, own.revision, new Date());
		await database.close();
	});
	const pack = (...args: string[]) => {
		const result = spawnSync(process.execPath, [tsx, "scripts/package-scorm.ts", ...args], {
			cwd: repo,
			encoding: "utf8",
			env: { ...process.env, INIT_CWD: dir, SCORES_DB: db },
		});
		return { code: result.status, stdout: result.stdout, stderr: result.stderr };
	};

	test(
		"the package holds the published version whole, its title escaped in the manifest and the page",
		{ timeout: 120_000 },
		() => {
			const out = join(dir, "own.zip");
			const run = pack("--scenario", id, "--lang", "de", "--out", out);
			expect(run.stderr).toBe("");
			expect(run.code).toBe(0);
			const files = unzipSync(new Uint8Array(readFileSync(out)));
			const html = new TextDecoder().decode(files["index.html"]);
			const config = JSON.parse(
				/<script type="application\/json" id="st-package">(.*?)<\/script>/.exec(html)![1]!,
			) as { scenarioId: string; own: { version: number; scenario: { texts: unknown } } };
			expect(config.scenarioId).toBe(id);
			expect(config.own.version).toBe(1);
			expect(config.own.scenario.texts).toEqual({
				de: { title, summary: "Kurz.", brief: "Für {{company}}." },
			});
			const manifest = new TextDecoder().decode(files["imsmanifest.xml"]);
			expect(manifest).toContain("Pharma &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;");
			expect(manifest).not.toContain("<img");
			expect(html).toContain(
				"<title>Pharma &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;</title>",
			);
			expect(html.replace(/<script type="application\/json"[\s\S]*?<\/script>/, "")).not.toContain(
				"<img",
			);
		},
	);

	test.each([
		[
			["--scenario", "no-such-thing", "--lang", "de"],
			/unknown scenario "no-such-thing"; known: first-handover.*no published trainer's scenario in .*own\.db/,
		],
		[["--scenario", "ID", "--lang", "en"], /has no texts in en; it has: de/],
	])("%j", (args, pattern) => {
		expectOneLineError(pack(...args.map((a) => (a === "ID" ? id : a))), pattern);
	});
});

describe("npm run trainer:password and trainer:add", () => {
	const run = (script: string, env: Record<string, string>, ...args: string[]) => {
		const result = spawnSync(process.execPath, [tsx, `scripts/${script}.ts`, ...args], {
			cwd: repo,
			encoding: "utf8",
			env: { ...process.env, INIT_CWD: dir, SCORES_DB: join(dir, "accounts.db"), ...env },
		});
		return { code: result.status, stdout: result.stdout, stderr: result.stderr };
	};
	const open = () => new SqliteDatabase(openDatabase(join(dir, "accounts.db")));

	test("gives one account a new password, invites trainers, clears only the limits when asked", async () => {
		// Before the server made its first administrator there is nobody to give a password to.
		expect(run("trainer-password", {})).toMatchObject({
			code: 1,
			stderr: expect.stringMatching(/No trainer account "admin"/),
		});
		const database = open();
		await new AccountStore(database).bootstrap("admin", await hashPassword("the first one!!!"));
		await database.run(
			"INSERT INTO login_limits (key, tokens, updated, failures, last_failure, blocked_until) VALUES ('address:a', 0, 0, 9, 0, 0)",
		);
		await database.close();

		const replaced = run("trainer-password", {});
		expect(replaced.code, replaced.stderr).toBe(0);
		const printed = /\n\s+(\S{23})\n/.exec(replaced.stdout)?.[1] ?? "";
		expect(replaced.stdout).toMatch(/New password for admin in .*accounts\.db/);

		const invited = run("trainer-add", {}, "--email", "Anna@Example.com", "--role", "trainer");
		expect(invited.code, invited.stderr).toBe(0);
		const token = /\/de\/trainer\/invitation\/\?token=([\w-]{43})\b/.exec(invited.stdout)?.[1];
		expect(token).toBeDefined();
		for (const bad of [
			["--email", "not-an-address", "--role", "trainer"],
			["--email", "b@example.com", "--role", "boss"],
			["--email", "b@example.com"],
		]) {
			expect(run("trainer-add", {}, ...bad).code).toBe(2);
		}

		const after = open();
		const accounts = new AccountStore(after);
		const admin = (await accounts.findByEmail("admin"))!;
		const hash = await after.get<{ password_hash: string }>(
			"SELECT password_hash FROM trainers WHERE id = ?",
			[admin.id],
		);
		expect(await verifyPassword(printed, hash!.password_hash)).toBe(true);
		expect(await accounts.invitation(token!)).toMatchObject({
			ok: true,
			account: { email: "Anna@Example.com", role: "trainer" },
		});
		// Only the token's hash is kept.
		const stored = await after.all<{ token_hash: string }>("SELECT token_hash FROM invitations");
		expect(stored.map((r) => r.token_hash)).not.toContain(token);
		expect((await new AuditLog(after).list({})).map((e) => [e.actor, e.action, e.target])).toEqual([
			["command line", "invitation-created", "Anna@Example.com"],
			["command line", "password-set", "admin"],
		]);
		await after.close();

		const cleared = run("trainer-password", {}, "--clear-limits");
		expect(cleared.code, cleared.stderr).toBe(0);
		expect(cleared.stdout).toMatch(/Sign-in limits cleared/);
		const limits = open();
		expect(await limits.all("SELECT * FROM login_limits")).toEqual([]);
		await limits.close();
		expect(run("trainer-password", {}, "--clear")).toMatchObject({
			code: 2,
			stderr: expect.stringMatching(/unexpected arguments/),
		});
	});
});

describe("npm run seed:cohort", () => {
	test("fills a database with a cohort whose trainees are in every state a cohort page shows", async () => {
		const db = join(mkdtempSync(join(tmpdir(), "staging-trainer-seed-")), "seed.db");
		const run = (...args: string[]) =>
			spawnSync(process.execPath, [tsx, "scripts/seed-cohort.ts", ...args], {
				cwd: repo,
				encoding: "utf8",
				env: { ...process.env, SCORES_DB: db, TRAINER_PASSWORD: "a long enough password" },
			});
		expect(run("--trainees", "0").status).toBe(2);
		const seeded = run("--trainees", "20", "--name", "Probe");
		expect(seeded.status, seeded.stderr).toBe(0);
		expect(seeded.stdout).toMatch(/^Probe: join code LW-\S+, 20 trainees/);
		const database = new SqliteDatabase(openDatabase(db));
		const store = new CohortStore(database);
		const [cohort] = await store.list();
		const insight = await store.insight(cohort!, new Date(), 24);
		await database.close();
		expect(insight.trainees).toHaveLength(20);
		expect(new Set(insight.trainees.map((t) => t.state))).toEqual(
			new Set(["passed", "failed", "in-progress", "abandoned", "not-started"]),
		);
		expect(insight.summary.passRate).toBeGreaterThan(0);
	});
});
