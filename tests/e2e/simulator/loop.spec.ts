import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { replay } from "../../../src/simulator/model/replay.ts";
import { Trainee, scenarioTitle, storedAttempt, type Locale } from "./driver.ts";
import { reference } from "./reference.ts";

/** Try me with re-check, and no one-click losses (show me, try me, test me). */

const fill = (text: string, params: Record<string, string | number>) =>
	text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));

for (const locale of ["de", "en"] as Locale[]) {
	test(`practice: Check shows a wrong label as open with the reason, the fix, then done, and Finish is 100 (${locale})`, async ({
		page,
	}) => {
		test.setTimeout(120_000);
		const trainee = new Trainee(page, locale);
		const t = trainee.t;
		await page.goto(`/${locale}/practice/`);
		await trainee.startPractice(scenarioTitle("bottling-line", locale), "practice");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		const label = solution.scenario.labels[0]!;
		const events = solution.events.map((e, i) =>
			i === 1 && e.action.type === "create-label"
				? { ...e, action: { ...e.action, heightMm: label.heightMm + 10 } }
				: e,
		);
		// The preparation, with the first label the wrong height; the handover waits until it is right.
		const contact = solution.scenario.people.find(
			(p) => p.key === solution.scenario.customer.contact,
		)!;
		const handover = events.findIndex(
			(e) => e.action.type === "invite-guest-user" && e.action.email === contact.email,
		);
		await trainee.performAll(solution.start, events.slice(0, handover));

		const check = page.getByRole("region", { name: t.ui.check.title, exact: true });
		await trainee.press(check.getByRole("button", { name: t.ui.check.button }));
		const labels = check.locator('[data-step="design-labels"]');
		await expect(labels).toHaveAttribute("data-done", "false");
		await expect(labels.locator('[data-finding^="label-wrong"]')).toContainText(label.name);
		await expect(
			labels.getByRole("row", { name: new RegExp(t.grading.difference.size) }),
		).toBeVisible();
		// The attempt goes on: the Control Center is still there to fix it.
		await expect(trainee.cc).toBeVisible();

		const state = replay(solution.start, events.slice(0, handover)).state;
		const wrong = state.labels.find((l) => l.name === label.name)!;
		const fix = {
			type: "edit-label" as const,
			labelId: wrong.id,
			...label,
			fields: [...label.fields],
		};
		await trainee.perform(fix, state);
		await expect(check).toContainText(t.ui.check.stale);
		await trainee.press(check.getByRole("button", { name: t.ui.check.button }));
		await expect(labels).toHaveAttribute("data-done", "true");

		// Then the handover and the notifications, and a last check before finishing.
		let now = replay(state, [{ at: new Date().toISOString(), action: fix }]).state;
		for (const event of events.slice(handover)) {
			await trainee.perform(event.action, now);
			now = replay(now, [event]).state;
		}
		await trainee.press(check.getByRole("button", { name: t.ui.check.button }));
		await expect(check.getByRole("heading", { name: t.ui.check.allDone })).toBeVisible();

		await trainee.finish();
		await expect(
			page.getByText(fill(t.grading.score, { score: 100, max: 100 }), { exact: true }),
		).toBeVisible();
	});

	test(`discarding a run and finishing an assessment ask first, and keeping loses nothing (${locale})`, async ({
		page,
	}) => {
		test.setTimeout(90_000);
		const trainee = new Trainee(page, locale);
		const t = trainee.t;
		await page.goto(`/${locale}/practice/`);
		await trainee.startPractice(scenarioTitle("first-handover", locale), "assessment");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await trainee.performAll(solution.start, solution.events.slice(0, 1));

		// Finishing an assessment asks; "keep working" leaves it running.
		await trainee.press(page.getByRole("button", { name: t.ui.sim.finish }));
		const finish = trainee.dialog(t.ui.confirm.finishTitle);
		await expect(finish).toBeVisible();
		await expect(finish.getByRole("button", { name: t.ui.confirm.keep })).toBeFocused();
		const axe = await new AxeBuilder({ page })
			.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
			.analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await trainee.press(finish.getByRole("button", { name: t.ui.confirm.keep }));
		await expect(finish).toBeHidden();
		await expect(trainee.cc).toBeVisible();

		// Discarding asks; Escape keeps the run, confirming discards it.
		await trainee.press(page.getByRole("button", { name: t.ui.sim.abandon }));
		const discard = trainee.dialog(t.ui.confirm.abandonTitle);
		await expect(discard).toBeVisible();
		await page.keyboard.press("Escape");
		await expect(discard).toBeHidden();
		expect((await storedAttempt(page)).attempt.events).toHaveLength(1);
		await trainee.press(page.getByRole("button", { name: t.ui.sim.abandon }));
		await trainee.press(discard.getByRole("button", { name: t.ui.confirm.abandon }));
		await expect(page.getByRole("button", { name: t.ui.picker.start, exact: true })).toBeVisible();
	});
}
