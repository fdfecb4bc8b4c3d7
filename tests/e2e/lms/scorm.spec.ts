import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Frame } from "@playwright/test";
import { unzipSync } from "fflate";
import { decodeCompletionCode } from "../../../src/simulator/attempt/completion-code.ts";
import { grade } from "../../../src/simulator/grading/grade.ts";
import { learnerSeed } from "../../../src/simulator/lms/scorm.ts";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import { variant } from "../../../src/simulator/scenarios/variant.ts";
import { Trainee, texts, type Locale } from "../simulator/driver.ts";
import { reference } from "../simulator/reference.ts";
import {
	contentPath,
	learner,
	lmsAttempt,
	openLms,
	origin,
	record,
	text,
	types,
	type Version,
} from "./lms-host.ts";

/**
 * A SCORM package in an LMS: scorm-again (the run-time library LMS vendors embed) provides the API
 * in a host page, which frames the unzipped package from a sub-path, as an LMS does. Everything is
 * served through routes of the test's own, so no server is involved.
 */

const repo = new URL("../../../", import.meta.url).pathname;
const scenarioId = "first-handover";

function packageFiles(
	version: Version,
	locale: Locale,
	scenario = scenarioId,
): Map<string, Uint8Array> {
	const out = join(mkdtempSync(join(tmpdir(), "staging-trainer-scorm-test-")), "p.zip");
	const run = spawnSync(
		process.execPath,
		[
			join(repo, "node_modules/tsx/dist/cli.mjs"),
			"scripts/package-scorm.ts",
			"--scenario",
			scenario,
			"--lang",
			locale,
			"--seed-per-learner",
			"--version",
			version,
			"--out",
			out,
		],
		{ cwd: repo, encoding: "utf8" },
	);
	if (run.status !== 0) throw new Error(`packaging failed: ${run.stderr}`);
	return new Map(Object.entries(unzipSync(new Uint8Array(readFileSync(out)))));
}

/** What the simulator keeps in the frame's localStorage: inside an LMS, nothing. */
const savedSessions = (frame: Frame) =>
	frame.evaluate(() =>
		Object.keys(localStorage).filter((key) => key.startsWith("staging-trainer:session:")),
	);

for (const [version, locale] of [
	["1.2", "de"],
	["2004", "en"],
] as const) {
	test.describe(`SCORM ${version} (${locale})`, () => {
		let files: Map<string, Uint8Array>;
		test.beforeAll(() => {
			files = packageFiles(version, locale);
		});

		test("the manifest lists every file of the package, and the package only those", async ({
			page,
		}) => {
			const xml = new TextDecoder().decode(files.get("imsmanifest.xml"));
			const parsed = await page.evaluate((source) => {
				const doc = new DOMParser().parseFromString(source, "application/xml");
				const error = doc.querySelector("parsererror")?.textContent ?? null;
				const all = [...doc.getElementsByTagName("*")];
				return {
					error,
					ids: all.map((e) => e.getAttribute("identifier")).filter((id) => id !== null),
					files: [...doc.getElementsByTagName("file")].map((f) => f.getAttribute("href")),
					resource: [...doc.getElementsByTagName("resource")].map((r) => [
						r.getAttribute("adlcp:scormtype"),
						r.getAttribute("adlcp:scormType"),
					]),
				};
			}, xml);
			expect(parsed.error).toBeNull();
			expect(new Set(parsed.ids).size).toBe(parsed.ids.length);
			const inZip = [...files.keys()].filter((f) => f !== "imsmanifest.xml").sort();
			expect(parsed.files.map((f) => decodeURIComponent(f ?? "")).sort()).toEqual(inZip);
			expect(parsed.resource).toEqual([version === "1.2" ? ["sco", null] : [null, "sco"]]);
			// Every URL in the launch page is relative, so the package works from any sub-path.
			const html = new TextDecoder().decode(files.get("index.html"));
			expect(html).not.toMatch(/(src|href)="\//);
		});

		test("a learner completes the assessment; the LMS records passed, the score, the time and each step", async ({
			page,
		}) => {
			const frame = await openLms(page, version, files);
			const trainee = new Trainee(frame, locale);
			await expect(frame.getByText("Jana Beispiel")).toBeVisible();
			await expect(trainee.orderFrame).toBeVisible();
			const attempt = await lmsAttempt(page);
			expect(attempt.scenario.seed).toBe(learnerSeed(learner.id));
			expect((attempt as { trainee?: { name: string } }).trainee?.name).toBe("Jana Beispiel");
			// The package's page is as accessible as the site's (axe looks into the LMS's frame).
			const { violations } = await new AxeBuilder({ page }).include("iframe").analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual(
				[],
			);
			const solution = reference(attempt.scenario.id, attempt.scenario.seed);
			await trainee.performAll(solution.start, solution.events);
			await trainee.finish();
			const t = texts[locale];
			// The learner is told what went to the LMS.
			const reported = t.ui.package.reported
				.replace("{{score}}", "100")
				.replace("{{max}}", "100")
				.replace("{{status}}", t.ui.package.passed);
			await expect(frame.getByRole("status").filter({ hasText: reported })).toBeVisible();
			const cmi = await record(page);
			const steps = grade(solution.scenario, solution.events).steps;
			if (version === "1.2") {
				expect(text(cmi["cmi.core.lesson_status"])).toBe("passed");
				expect(text(cmi["cmi.core.score.raw"])).toBe("100");
				expect(text(cmi["cmi.core.score.min"])).toBe("0");
				expect(text(cmi["cmi.core.score.max"])).toBe("100");
				expect(text(cmi["cmi.core.session_time"])).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
			} else {
				expect(text(cmi["cmi.success_status"])).toBe("passed");
				expect(text(cmi["cmi.completion_status"])).toBe("completed");
				expect(text(cmi["cmi.score.scaled"])).toBe("1");
				expect(text(cmi["cmi.score.raw"])).toBe("100");
				expect(text(cmi["cmi.session_time"])).toMatch(/^PT\d+H\d+M[\d.]+S$/);
			}
			for (const [n, step] of steps.entries()) {
				expect(text(cmi[`cmi.interactions.${n}.id`])).toBe(step.id);
				expect(text(cmi[`cmi.interactions.${n}.result`])).toBe("correct");
			}
			// The LMS is the record: the attempt stays out of the browser's storage.
			expect(await savedSessions(frame)).toEqual([]);
		});

		test("a learner who leaves mid-attempt resumes where they were from the LMS's saved data", async ({
			page,
		}) => {
			const frame = await openLms(page, version, files);
			const trainee = new Trainee(frame, locale);
			await expect(trainee.orderFrame).toBeVisible();
			const attempt = await lmsAttempt(page);
			const solution = reference(attempt.scenario.id, attempt.scenario.seed);
			const half = Math.ceil(solution.events.length / 2);
			await trainee.performAll(solution.start, solution.events.slice(0, half));
			// The LMS holds the attempt so far; the browser's own copy is gone (another computer).
			await expect
				.poll(async () => {
					const saved = text((await record(page))["cmi.suspend_data"]);
					const decoded = saved ? await decodeCompletionCode(saved) : undefined;
					return decoded?.ok ? decoded.attempt.events.length : 0;
				})
				.toBe(half);
			const cmi = await record(page);
			const entry = version === "1.2" ? "cmi.core.entry" : "cmi.entry";
			const relaunch = Object.fromEntries(
				Object.entries(cmi).filter(([k]) => /suspend_data|student_|learner_/.test(k)),
			);
			await page.evaluate(
				(launch) => sessionStorage.setItem("lms-launch", JSON.stringify(launch)),
				{ ...relaunch, [entry]: "resume" },
			);
			expect(await savedSessions(frame)).toEqual([]);
			await page.reload();
			const again = page.frame({ url: new RegExp(`${contentPath}index\\.html$`) })!;
			const resumed = new Trainee(again, locale);
			await expect(resumed.cc).toBeVisible();
			expect((await lmsAttempt(page)).events).toHaveLength(half);
			await resumed.performAll(solution.start, solution.events, half);
			await resumed.finish();
			const done = await record(page);
			expect(text(done[version === "1.2" ? "cmi.core.lesson_status" : "cmi.success_status"])).toBe(
				"passed",
			);
		});

		test("saved data the package cannot read is said, and a new attempt starts", async ({
			page,
		}) => {
			await page.addInitScript(
				({ name, id, suspend }) =>
					sessionStorage.setItem(
						"lms-launch",
						JSON.stringify({ [name]: "Beispiel, Jana", [id]: "u-1001", [suspend]: "ST1.damaged" }),
					),
				version === "1.2"
					? {
							name: "cmi.core.student_name",
							id: "cmi.core.student_id",
							suspend: "cmi.suspend_data",
						}
					: { name: "cmi.learner_name", id: "cmi.learner_id", suspend: "cmi.suspend_data" },
			);
			const frame = await openLms(page, version, files);
			await expect(
				frame.getByRole("status").filter({ hasText: texts[locale].ui.package.unreadable }),
			).toBeVisible();
			await expect(new Trainee(frame, locale).orderFrame).toBeVisible();
		});

		test("a learner who finishes without doing the work is recorded as failed with the grader's score", async ({
			page,
		}) => {
			const frame = await openLms(page, version, files);
			const trainee = new Trainee(frame, locale);
			await expect(trainee.orderFrame).toBeVisible();
			await trainee.finish();
			const source = getScenario(scenarioId)!;
			const expected = grade(variant(source, learnerSeed(learner.id)), []).score;
			const cmi = await record(page);
			if (version === "1.2") {
				expect(text(cmi["cmi.core.lesson_status"])).toBe("failed");
				expect(text(cmi["cmi.core.score.raw"])).toBe(String(expected));
			} else {
				expect(text(cmi["cmi.success_status"])).toBe("failed");
				expect(text(cmi["cmi.score.raw"])).toBe(String(expected));
				expect(text(cmi["cmi.score.scaled"])).toBe(String(expected / 100));
			}
			expect(text(cmi["cmi.interactions.0.result"])).toBe(
				version === "1.2" ? "wrong" : "incorrect",
			);
		});
	});
}

test("without an LMS the package still runs: the learner names themself and gets the completion code", async ({
	page,
}) => {
	const files = packageFiles("1.2", "en");
	await page.route(`${origin}/**`, async (route) => {
		const path = new URL(route.request().url()).pathname;
		// The name fields come late, so that Start is pressed before they are there.
		if (path.includes("TraineeFields")) await new Promise((resolve) => setTimeout(resolve, 1500));
		const file = files.get(decodeURIComponent(path.slice(contentPath.length)));
		return file
			? route.fulfill({
					contentType: types[extname(path)] ?? "text/plain",
					body: Buffer.from(file),
				})
			: route.fulfill({ status: 404 });
	});
	await page.goto(`${origin}${contentPath}index.html`);
	const t = texts.en;
	await expect(page.getByText(t.ui.package.noLms)).toBeVisible();
	await page.getByRole("button", { name: t.ui.package.start }).click();
	await expect(page.getByText(t.ui.trainee.nameRequired)).toBeVisible();
	await expect(page.getByLabel(t.ui.trainee.name)).toBeFocused();
	// No cohort button here, so no hint pointing at one.
	await expect(page.getByText(t.ui.package.traineeIntro)).toBeVisible();
	await expect(page.getByText(t.ui.trainee.intro)).toHaveCount(0);
	await page.getByLabel(t.ui.trainee.name).fill("Jana Beispiel");
	await page.getByRole("button", { name: t.ui.package.start }).click();
	const trainee = new Trainee(page, "en");
	await expect(trainee.orderFrame).toBeVisible();
	await trainee.finish();
	const code = await page.getByLabel(t.ui.submit.code).inputValue();
	const decoded = await decodeCompletionCode(code);
	expect(decoded.ok && decoded.attempt.trainee?.name).toBe("Jana Beispiel");
	expect(decoded.ok && decoded.attempt.mode).toBe("assessment");
});

test("an attempt outgrowing SCORM 1.2's 4,096 characters says so and keeps the last state that fitted", async ({
	page,
}) => {
	test.setTimeout(120_000);
	const files = packageFiles("1.2", "en", "bottling-line");
	const frame = await openLms(page, "1.2", files);
	const trainee = new Trainee(frame, "en");
	await expect(trainee.orderFrame).toBeVisible();
	const attempt = await lmsAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events);
	// Stopping and starting a configuration again and again makes the log long.
	const t = texts.en;
	await frame.getByRole("button", { name: t.ui.nav.integrations, exact: true }).click();
	await expect(trainee.cc.getByRole("button", { name: /^(Start|Stop) / })).toBeVisible();
	const tooLong = frame
		.getByRole("alert")
		.filter({ hasText: t.ui.package.tooLong.split("{{")[0]! });
	// Clicked in the page, as fast as the screen follows: a few thousand actions in seconds.
	const clicks = await frame.evaluate(async (alertStart) => {
		const region = document.querySelector(".st-cc")!;
		let clicked = 0;
		for (let i = 0; i < 5000; i++) {
			const button = [...region.querySelectorAll("button")].find((b) =>
				/^(Start|Stop) /.test(b.getAttribute("aria-label") ?? ""),
			);
			button?.click();
			if (button) clicked++;
			await new Promise((resolve) => setTimeout(resolve));
			const alert = [...document.querySelectorAll('[role="alert"]')];
			if (alert.some((a) => a.textContent?.startsWith(alertStart))) break;
		}
		return clicked;
	}, t.ui.package.tooLong.split("{{")[0]!);
	await expect(tooLong).toContainText("4,096");
	const saved = text((await record(page))["cmi.suspend_data"]);
	expect(saved.length).toBeLessThanOrEqual(4096);
	const decoded = await decodeCompletionCode(saved);
	// Every click was one action of the attempt; the saved data holds fewer of them.
	expect(decoded.ok && decoded.attempt.events.length).toBeLessThan(solution.events.length + clicks);
});
