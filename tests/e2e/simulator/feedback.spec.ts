import { expect, test } from "@playwright/test";
import type { Action } from "../../../src/simulator/model/actions.ts";
import { replay } from "../../../src/simulator/model/replay.ts";
import { gradingNumbers } from "../../../src/simulator/grading/rubric.ts";
import { Trainee, storedAttempt, type Locale, scenarioTitle } from "./driver.ts";
import { reference } from "./reference.ts";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import { startAt } from "../../../src/simulator/scenarios/start.ts";

/** Feedback that never lies, in both languages: the coach, hints and the results view. */

const fill = (text: string, params: Record<string, string | number>) =>
	text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));

for (const locale of ["de", "en"] as Locale[]) {
	test(`ordering with the customer's address shows a critical finding in the coach at once (${locale})`, async ({
		page,
	}) => {
		const trainee = new Trainee(page, locale);
		await page.goto(`/${locale}/practice/`);
		await trainee.startPractice(scenarioTitle("first-handover", locale), "practice");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		const order = solution.events[0]!.action as Extract<Action, { type: "order-account" }>;
		const contact = solution.scenario.people.find(
			(p) => p.key === solution.scenario.customer.contact,
		)!;
		await trainee.perform({ ...order, contactEmail: contact.email }, solution.start);
		const coach = page
			.getByRole("region", { name: trainee.t.ui.panel.coach })
			.or(page.locator(".st-coach"));
		const item = coach.locator('[data-finding="order-foreign-address"]');
		await expect(item).toBeVisible();
		await expect(item).toContainText(trainee.t.severity.critical);
		await expect(coach).not.toContainText(trainee.t.ui.coach.ok);
		// The checklist does not tick the notifications the trainee never set up.
		const checklist = page.locator(".st-panel").filter({ hasText: trainee.t.ui.panel.checklist });
		const notifications = checklist.getByRole("listitem").filter({
			hasText: trainee.t.steps["edit-notification-recipients"].title,
		});
		await expect(notifications).toHaveAttribute("data-done", "false");
	});

	test(`one hint then a correct run scores 98, and the panel states the hint's cost (${locale})`, async ({
		page,
	}) => {
		test.setTimeout(90_000);
		const trainee = new Trainee(page, locale);
		await page.goto(`/${locale}/practice/`);
		await trainee.startPractice(scenarioTitle("first-handover", locale), "practice");
		const numbers = gradingNumbers();
		const hints = page.locator(".st-panel").filter({ hasText: trainee.t.ui.panel.hints });
		await expect(hints).toContainText(
			fill(trainee.t.ui.hints.cost, { count: 0, points: numbers.hintPoints, cap: numbers.hintCap }),
		);
		expect(numbers.hintPoints).toBe(2);
		await trainee.press(hints.getByRole("button", { name: trainee.t.ui.hints.show, exact: true }));
		await expect(hints.locator(".st-hint")).toContainText(trainee.t.steps["order-account"].title);
		// The same hint again is free.
		await trainee.press(
			hints.getByRole("button", { name: trainee.t.ui.hints.showAgain, exact: true }),
		);
		await expect(hints).toContainText(
			fill(trainee.t.ui.hints.cost, { count: 1, points: numbers.hintPoints, cap: numbers.hintCap }),
		);
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await trainee.performAll(solution.start, solution.events);
		await trainee.finish();
		await expect(
			page.getByText(fill(trainee.t.grading.score, { score: 98, max: 100 }), { exact: true }),
		).toBeVisible();
	});

	test(`results show expected against actual and link the action that caused it (${locale})`, async ({
		page,
	}) => {
		test.setTimeout(90_000);
		const trainee = new Trainee(page, locale);
		await page.goto(`/${locale}/practice/`);
		await trainee.startPractice(scenarioTitle("bottling-line", locale), "practice");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		const expected = solution.scenario.labels[0]!.printer;
		const events = solution.events.map((e, i) =>
			i === 1 && e.action.type === "create-label"
				? { ...e, action: { ...e.action, printer: "Zebra ZT411 Versand" } }
				: e,
		);
		await trainee.performAll(solution.start, events.slice(0, 2));
		// The coach says so at once, with the difference.
		const coach = page.locator(".st-coach").locator('[data-finding^="label-wrong"]');
		await expect(
			coach.getByRole("row", { name: new RegExp(trainee.t.grading.difference.printer) }),
		).toContainText("Zebra ZT411 Versand");
		for (let i = 2; i < events.length; i++) {
			await trainee.perform(events[i]!.action, replay(solution.start, events.slice(0, i)).state);
		}
		await trainee.finish();
		const item = page.locator('[data-finding^="label-wrong"]');
		await expect(item).toBeVisible();
		const row = item.getByRole("row", { name: new RegExp(trainee.t.grading.difference.printer) });
		await expect(row.getByRole("cell").nth(0)).toHaveText(expected);
		await expect(row.getByRole("cell").nth(1)).toHaveText("Zebra ZT411 Versand");
		const cause = item.getByRole("link", {
			name: fill(trainee.t.ui.results.atEvent, { number: 2 }),
		});
		await expect(cause).toHaveAttribute("href", "#st-event-2");
		await trainee.press(cause);
		await expect(page.locator("#st-event-2")).toBeInViewport();
		await expect(page.locator("#st-event-2")).toContainText(trainee.t.actions["create-label"]);
	});
}

test("a refused role change keeps the ticks the trainee made, and refusals in the results have their details", async ({
	page,
}) => {
	test.setTimeout(90_000);
	const trainee = new Trainee(page, "de");
	await page.goto("/de/practice/");
	await trainee.startPractice(scenarioTitle("first-handover", "de"), "practice");
	const { attempt } = await storedAttempt(page);
	const solution = reference(attempt.scenario.id, attempt.scenario.seed);
	await trainee.perform(solution.events[0]!.action, solution.start);
	const state = replay(solution.start, solution.events.slice(0, 1)).state;
	const self = state.users[0]!;
	// Stepping down now would leave no administrator: refused, and the ticks stay.
	await trainee.nav(trainee.t.ui.nav.users);
	await trainee.openUser(self.email, `${self.firstName} ${self.lastName}`);
	await trainee.setRoles(trainee.cc, ["service-provider"]);
	await trainee.press(trainee.button(trainee.cc, trainee.t.ui.common.save));
	await expect(trainee.cc.getByText(trainee.t.refusals["last-administrator"])).toBeVisible();
	const roles = trainee.cc.getByRole("group", { name: trainee.t.ui.users.accessRoles });
	await expect(
		roles.getByRole("checkbox", { name: trainee.t.roles["service-provider"].name }),
	).toBeChecked();
	await expect(
		roles.getByRole("checkbox", { name: trainee.t.roles.administration.name }),
	).not.toBeChecked();
	// A refusal with a parameter: recipients separated by a comma.
	await trainee.nav(trainee.t.ui.nav.accountInformation);
	await trainee.press(trainee.button(trainee.cc, trainee.t.ui.account.editRecipients));
	const dialog = trainee.dialog(trainee.t.ui.account.recipientsWindow);
	await trainee.fill(dialog.getByLabel(trainee.t.ui.account.recipientsLabel), "a@b.de, c@d.de");
	await trainee.press(trainee.button(dialog, trainee.t.ui.common.save));
	await expect(dialog.getByText(/Zeile 1/)).toBeVisible();
	await trainee.press(trainee.button(dialog, trainee.t.ui.common.cancel));
	await trainee.finish();
	const timeline = page.locator(".st-timeline");
	await expect(timeline).toContainText("Zeile 1");
	await expect(timeline).not.toContainText("{{");
});

for (const locale of ["de", "en"] as Locale[]) {
	test(`an exercise scores as the grader does: three wrong invitations then the handover is 70 (${locale})`, async ({
		page,
	}) => {
		test.setTimeout(90_000);
		const trainee = new Trainee(page, locale);
		await page.goto(`/${locale}/staging/`);
		const island = page.locator('[data-st-island="exercise"]').first();
		await island.scrollIntoViewIfNeeded();
		await trainee.press(island.getByRole("button", { name: trainee.t.ui.exercise.start }));
		await expect(trainee.cc).toBeVisible();
		const stored = await storedAttempt(page, "exercise-handover");
		const { scenario, state } = startAt(
			getScenario(stored.attempt.scenario.id)!,
			stored.attempt.scenario.seed,
			"transfer-ownership",
		);
		const contact = scenario.people.find((p) => p.key === scenario.customer.contact)!;
		const invite = (email: string): Action => ({
			type: "invite-guest-user",
			firstName: contact.firstName,
			lastName: contact.lastName,
			email,
			roles: ["administration"],
		});
		const actions: Action[] = [
			invite(`x.${contact.email}`),
			invite(`y.${contact.email}`),
			invite(`z.${contact.email}`),
			invite(contact.email),
		];
		let now = state;
		for (const action of actions) {
			await trainee.perform(action, now);
			now = replay(now, [{ at: new Date().toISOString(), action }]).state;
		}
		await trainee.perform(
			{ type: "set-user-roles", userId: now.signedInUserId!, roles: ["service-provider"] },
			now,
		);
		await trainee.press(island.getByRole("button", { name: trainee.t.ui.exercise.finish }));
		await expect(
			island.getByText(fill(trainee.t.grading.score, { score: 70, max: 100 }), { exact: true }),
		).toBeVisible();
	});
}

test("nothing blanks the island: results that cannot load and an exercise of a scenario that is gone", async ({
	page,
}) => {
	test.setTimeout(90_000);
	const trainee = new Trainee(page, "en");
	// The results' code cannot be fetched (say, the connection dropped).
	await page.route(/\/_astro\/Results\.[^/]*\.js$/, (route) => route.abort());
	await page.goto("/en/practice/");
	await trainee.startPractice(scenarioTitle("first-handover", "en"), "practice");
	await trainee.press(page.getByRole("button", { name: trainee.t.ui.sim.finish }));
	const alert = page.getByRole("alert").filter({ hasText: trainee.t.ui.common.loadFailed });
	await expect(alert).toBeVisible();
	await expect(alert.getByRole("button", { name: trainee.t.ui.common.reload })).toBeVisible();
	await page.unroute(/\/_astro\/Results\.[^/]*\.js$/);

	// A stored exercise whose scenario no longer exists.
	await page.goto("/en/staging/");
	const island = page.locator('[data-st-island="exercise"]').first();
	await island.scrollIntoViewIfNeeded();
	await trainee.press(island.getByRole("button", { name: trainee.t.ui.exercise.start }));
	const key = "staging-trainer:session:exercise-handover";
	await page.evaluate((k) => {
		const stored = JSON.parse(localStorage.getItem(k) ?? "{}");
		stored.attempt.scenario.id = "no-such-scenario";
		localStorage.setItem(k, JSON.stringify(stored));
	}, key);
	await page.reload();
	await island.scrollIntoViewIfNeeded();
	await expect(island.getByRole("alert")).toContainText(trainee.t.ui.recovery.outdated);
	await trainee.press(island.getByRole("button", { name: trainee.t.ui.recovery.reset }));
	await expect(island.getByRole("button", { name: trainee.t.ui.exercise.start })).toBeVisible();
});
