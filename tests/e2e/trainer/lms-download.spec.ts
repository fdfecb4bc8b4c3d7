import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { Trainee, texts } from "../simulator/driver.ts";
import { reference } from "../simulator/reference.ts";
import { lmsAttempt, openLms, record, text, type Version } from "../lms/lms-host.ts";
import { testServerEnv } from "./server-env.ts";
import { signIn } from "./support.ts";

/**
 * The LMS package from the cohort page: the trainer chooses version and language and downloads
 * the zip the server builds; it runs in scorm-again's run-time like the command's packages, holds
 * the same files as `npm run package:scorm` with the same options, and a learner passes it.
 */

const repo = new URL("../../../", import.meta.url).pathname;
const scenarioId = "first-handover";

async function createCohort(page: Page, name: string): Promise<{ id: string; code: string }> {
	await signIn(page.request);
	const day = new Date().toISOString().slice(0, 10);
	const created = await page.request.post("/api/cohorts", {
		data: { name, scenarios: [scenarioId], sameSeed: true, opensOn: day, closesOn: day },
	});
	expect(created.status()).toBe(201);
	return (await created.json()) as { id: string; code: string };
}

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
	return new Map(Object.entries(unzipSync(bytes)));
}

/** The command's package for the same cohort and choices, from the test server's database. */
function commandPackage(code: string, version: Version, lang: string, port: string) {
	const out = join(mkdtempSync(join(tmpdir(), "staging-trainer-lms-cli-")), "p.zip");
	const run = spawnSync(
		process.execPath,
		[
			join(repo, "node_modules/tsx/dist/cli.mjs"),
			"scripts/package-scorm.ts",
			...["--cohort", code, "--lang", lang, "--version", version, "--out", out],
		],
		{ cwd: repo, encoding: "utf8", env: { ...process.env, ...testServerEnv(`e2e-${port}`) } },
	);
	if (run.status !== 0) throw new Error(`packaging failed: ${run.stderr}`);
	return unzip(new Uint8Array(readFileSync(out)));
}

for (const [version, locale] of [
	["1.2", "de"],
	["2004", "en"],
] as const) {
	test(`a trainer downloads the SCORM ${version} package (${locale}) from the cohort page, and a learner passes it in an LMS`, async ({
		page,
		baseURL,
	}) => {
		test.setTimeout(120_000);
		const t = texts[locale];
		const cohort = await createCohort(page, `LMS ${version} <b>&</b>`);
		await page.goto(`/${locale}/trainer/cohorts/${cohort.id}/`);
		await page
			.getByRole("navigation", { name: t.trainer.cohorts.tabs.label })
			.getByRole("link", { name: t.trainer.cohorts.tabs.lms })
			.click();
		await expect(page.getByRole("heading", { name: t.trainer.cohorts.lmsTitle })).toBeVisible();
		await page.getByLabel(t.trainer.lms.language).selectOption(locale);
		await page
			.getByRole("radio", { name: t.trainer.lms.versionName.replace("{{version}}", version) })
			.check();
		const [download] = await Promise.all([
			page.waitForEvent("download"),
			page.getByRole("button", { name: t.trainer.lms.download }).click(),
		]);
		expect(download.suggestedFilename()).toBe(
			`staging-trainer-${cohort.code}-${scenarioId}-${locale}-scorm${version.replace(".", "")}.zip`,
		);
		const files = unzip(new Uint8Array(readFileSync(await download.path())));

		// The same files as the command's package with the same options, byte for byte.
		const port = new URL(baseURL ?? "").port;
		const command = commandPackage(cohort.code, version, locale, port);
		expect([...files.keys()].sort()).toEqual([...command.keys()].sort());
		for (const [name, bytes] of files)
			expect(Buffer.from(bytes).equals(Buffer.from(command.get(name)!)), name).toBe(true);

		// The export is in the audit trail.
		const audit = await page.request.get(`/api/trainer/audit.csv?action=scorm-exported`);
		expect(await audit.text()).toContain(cohort.id);

		// In the LMS: the cohort's assessment, passed with the reference solution.
		const lms = await page.context().newPage();
		const frame = await openLms(lms, version, files);
		const trainee = new Trainee(frame, locale);
		await expect(trainee.orderFrame).toBeVisible();
		const attempt = await lmsAttempt(lms);
		expect(attempt.trainee).toMatchObject({ joinCode: cohort.code });
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await trainee.performAll(solution.start, solution.events);
		await trainee.finish();
		const cmi = await record(lms);
		expect(text(cmi[version === "1.2" ? "cmi.core.lesson_status" : "cmi.success_status"])).toBe(
			"passed",
		);
	});
}

test("a cohort's package is refused with its reason when the choice cannot be packaged", async ({
	page,
}) => {
	const t = texts.en;
	const cohort = await createCohort(page, "LMS refusals");
	const response = await page.goto(
		`/en/trainer/cohorts/${cohort.id}/lms/?download=1&scenario=${scenarioId}&version=3&lang=en`,
	);
	expect(response?.status()).toBe(422);
	await expect(page.getByRole("alert")).toHaveText(
		t.trainer.lms.problems.version.replace("{{first}}", "1.2").replace("{{second}}", "2004"),
	);
});
