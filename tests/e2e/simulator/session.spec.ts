import { expect, test } from "@playwright/test";
import { Trainee, storedAttempt, texts, scenarioTitle } from "./driver.ts";
import { reference } from "./reference.ts";

const scenarioId = "first-handover";

test("a reload in the middle resumes exactly where the trainee was", async ({ page }) => {
	const trainee = new Trainee(page, "de");
	await page.goto("/de/practice/");
	await trainee.startPractice(scenarioTitle(scenarioId, "de"), "practice");
	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	const half = solution.events.slice(0, 2);
	await trainee.performAll(solution.start, half);
	const before = await storedAttempt(page);

	await page.reload();
	await expect(trainee.cc).toBeVisible();
	const after = await storedAttempt(page);
	expect(after).toEqual(before);
	// The rest of the solution continues from the restored state and still scores 100.
	const { replay } = await import("../../../src/simulator/model/replay.ts");
	const rest = solution.events.slice(2);
	for (let i = 0; i < rest.length; i++) {
		const state = replay(solution.start, solution.events.slice(0, 2 + i)).state;
		await trainee.perform(rest[i]!.action, state);
	}
	await trainee.finish();
	await expect(
		page.getByText(trainee.t.grading.score.replace("{{score}}", "100").replace("{{max}}", "100"), {
			exact: true,
		}),
	).toBeVisible();
});

test("switching the language keeps the session", async ({ page }) => {
	const trainee = new Trainee(page, "de");
	await page.goto("/de/practice/");
	await trainee.startPractice(scenarioTitle(scenarioId, "de"), "practice");
	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events.slice(0, 1));
	await page.getByRole("combobox", { name: "Sprache wählen" }).selectOption({ label: "English" });
	await expect(page).toHaveURL("/en/practice/");
	const en = new Trainee(page, "en");
	await expect(en.cc).toBeVisible();
	await expect(
		en.cc.getByText(solution.scenario.customer.accountName, { exact: true }),
	).toBeVisible();
	expect((await storedAttempt(page)).attempt.events).toHaveLength(1);
});

for (const [label, value] of [
	["corrupt JSON", "{not json"],
	["data that fails validation", JSON.stringify({ v: 1, attempt: { id: 5 }, finished: "no" })],
	["data from an older version", JSON.stringify({ v: 0, whatever: true })],
] as const) {
	test(`${label} in storage gives a clear message and a fresh start`, async ({ page }) => {
		await page.addInitScript(
			([key, raw]) => {
				if (!sessionStorage.getItem("seeded")) {
					localStorage.setItem(key!, raw!);
					sessionStorage.setItem("seeded", "1");
				}
			},
			["staging-trainer:session:practice", value],
		);
		await page.goto("/en/practice/");
		const t = texts.en.ui.recovery;
		const alert = page.getByRole("alert").filter({ hasText: t.title });
		await expect(alert).toBeVisible();
		await expect(alert).toContainText(label.includes("older") ? t.outdated : t.invalid);
		await alert.getByRole("button", { name: t.reset }).click();
		await expect(
			page.getByRole("button", { name: texts.en.ui.picker.start, exact: true }),
		).toBeVisible();
		expect(
			await page.evaluate(() => localStorage.getItem("staging-trainer:session:practice")),
		).toBeNull();
	});
}

test("two tabs share one session: an action in one shows in the other", async ({ context }) => {
	const first = await context.newPage();
	const trainee = new Trainee(first, "en");
	await first.goto("/en/practice/");
	await trainee.startPractice(scenarioTitle(scenarioId, "en"), "practice");
	const second = await context.newPage();
	await second.goto("/en/practice/");
	const other = new Trainee(second, "en");
	await expect(other.orderFrame).toBeVisible();
	const { attempt } = await storedAttempt(first);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.performAll(solution.start, solution.events.slice(0, 1));
	await expect(
		other.cc.getByText(solution.scenario.customer.accountName, { exact: true }),
	).toBeVisible();
	expect((await storedAttempt(second)).attempt.events).toHaveLength(1);
});

test("demo mode plays the reference solution to the end and scores 100", async ({ page }) => {
	test.setTimeout(90_000);
	const trainee = new Trainee(page, "en");
	await page.goto("/en/practice/");
	await trainee.startPractice(scenarioTitle(scenarioId, "en"), "demo");
	const controls = page.getByRole("group", { name: trainee.t.ui.demo.controls });
	await expect(controls).toBeVisible();
	await controls
		.getByLabel(trainee.t.ui.demo.pace)
		.selectOption({ label: trainee.t.ui.demo.paces.fast });
	// Pausing stops the playback; Next moves on by one action.
	await controls.getByRole("button", { name: trainee.t.ui.demo.pause }).click();
	const count = async () => (await storedAttempt(page)).attempt.events.length;
	const paused = await count();
	await controls.getByRole("button", { name: trainee.t.ui.demo.next }).click();
	// The action under way (or the next one) is shown to its end at normal pace, then it holds.
	await expect.poll(count, { timeout: 30_000 }).toBe(paused + 1);
	await controls.getByRole("button", { name: trainee.t.ui.demo.play }).click();
	await expect(controls.getByText(trainee.t.ui.demo.finished)).toBeVisible({ timeout: 60_000 });
	await trainee.finish();
	await expect(
		page.getByText(trainee.t.grading.score.replace("{{score}}", "100").replace("{{max}}", "100"), {
			exact: true,
		}),
	).toBeVisible();
});

test("the demo of a recovery scenario puts the mistake right from its situation and scores 100", async ({
	page,
}) => {
	test.setTimeout(90_000);
	const trainee = new Trainee(page, "de");
	await page.goto("/de/practice/");
	await trainee.startPractice(scenarioTitle("typo-recovery", "de"), "demo");
	const controls = page.getByRole("group", { name: trainee.t.ui.demo.controls });
	await controls
		.getByLabel(trainee.t.ui.demo.pace)
		.selectOption({ label: trainee.t.ui.demo.paces.fast });
	// The caption names the step, and the action only where it says more.
	const caption = await controls.locator(".st-demo__caption").innerText();
	expect(caption).not.toMatch(/: (.+): \1$/);
	await expect(controls.getByText(trainee.t.ui.demo.finished)).toBeVisible({ timeout: 60_000 });
	const { attempt } = await storedAttempt(page);
	expect(attempt.events.map((e) => e.action.type)).toEqual([
		"invite-guest-user",
		"remove-user",
		"set-notification-recipients",
	]);
	await trainee.finish();
	await expect(
		page.getByText(trainee.t.grading.score.replace("{{score}}", "100").replace("{{max}}", "100"), {
			exact: true,
		}),
	).toBeVisible();
	// Watched it: now practise the very same variant.
	await trainee.press(page.getByRole("button", { name: trainee.t.ui.results.practiceVariant }));
	// The recovery scenario starts in its situation, with the account already there.
	await expect(trainee.cc).toBeVisible();
	const practice = (await storedAttempt(page)) as unknown as {
		attempt: { mode: string; scenario: { id: string; seed: number }; events: unknown[] };
	};
	expect(practice.attempt.mode).toBe("practice");
	expect(practice.attempt.scenario).toEqual(attempt.scenario);
	expect(practice.attempt.events).toEqual([]);
});
