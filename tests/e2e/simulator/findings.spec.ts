import { expect, test } from "@playwright/test";
import { replay } from "../../../src/simulator/model/replay.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import type { AttemptEvent } from "../../../src/simulator/attempt/schema.ts";
import type { Action } from "../../../src/simulator/model/actions.ts";
import { realise, referencePlan } from "../../../src/simulator/scenarios/solve.ts";
import type { Scenario } from "../../../src/simulator/scenarios/schema.ts";
import { Trainee, storedAttempt, scenarioTitle } from "./driver.ts";
import { reference } from "./reference.ts";

/**
 * Each mistake, made through the UI by editing the reference solution, shows its rubric finding on
 * the results view with the explanation and the guide link.
 */
const scenarioId = "bottling-line";

type Edit = (events: AttemptEvent[], s: Scenario) => AttemptEvent[];

const indexOf = (events: AttemptEvent[], type: Action["type"], from = 0) =>
	events.findIndex((e, i) => i >= from && e.action.type === type);

const contact = (s: Scenario) => s.people.find((p) => p.key === s.customer.contact)!;

const cases: { rule: string; step: RegExp; edit: Edit }[] = [
	{
		rule: "order-foreign-address",
		step: /#order-account$/,
		edit: (events, s) =>
			events.map((e) =>
				e.action.type === "order-account"
					? { ...e, action: { ...e.action, contactEmail: contact(s).email } }
					: e,
			),
	},
	{
		rule: "invited-before-preparation",
		// The finding links the section that says why the preparation comes first.
		step: /#prepare-environment$/,
		// The customer's invitation moves to right after the order, before any label exists. The plan
		// is realised again, so later actions refer to the ids the model then gives.
		edit: (_events, s) => {
			const plan = referencePlan(s);
			const at = plan.findIndex((p) => p.step === "invite-guest-user");
			const moved = [plan[0]!, plan[at]!, ...plan.slice(1).filter((_, i) => i + 1 !== at)];
			return realise(s, moved).map(({ at: time, action }) => ({ at: time, action }));
		},
	},
	{
		rule: "stepped-down-too-early",
		step: /#step-down-to-service-provider$/,
		// Stepping down before the invitation is refused; the trainee then invites and steps down.
		edit: (events, s) => {
			const at = events.findIndex(
				(e) => e.action.type === "invite-guest-user" && e.action.email === contact(s).email,
			);
			const down = events[indexOf(events, "set-user-roles")]!;
			return [...events.slice(0, at), down, ...events.slice(at)];
		},
	},
	{
		rule: "recipients-include-partner",
		step: /#edit-notification-recipients$/,
		edit: (events, s) =>
			events.map((e) =>
				e.action.type === "set-notification-recipients"
					? { ...e, action: { ...e.action, text: `${e.action.text}\n${s.partner.email}` } }
					: e,
			),
	},
];

/** Performs a log through the UI; actions the model refuses are attempted and their message checked. */
async function perform(trainee: Trainee, events: AttemptEvent[], start: State) {
	for (let i = 0; i < events.length; i++) {
		const before = replay(start, events.slice(0, i));
		const after = replay(start, events.slice(0, i + 1));
		const refused = after.outcomes.at(-1) !== null;
		if (refused) await trainee.attempt(events[i]!.action, before.state);
		else await trainee.perform(events[i]!.action, before.state);
	}
}

for (const c of cases) {
	test(`the results view explains "${c.rule}"`, async ({ page }) => {
		test.setTimeout(90_000);
		const trainee = new Trainee(page, "de");
		await page.goto("/de/practice/");
		await trainee.startPractice(scenarioTitle(scenarioId, "de"), "assessment");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await perform(trainee, c.edit(solution.events, solution.scenario), solution.start);
		await trainee.finish();
		const item = page.locator(`[data-finding^="${c.rule}"]`).first();
		await expect(item).toBeVisible();
		const guideLink = trainee.t.ui.results.guideLink.split("{{")[0]!;
		await expect(item.getByRole("link", { name: guideLink })).toHaveAttribute(
			"href",
			new RegExp(`^/de/staging/${c.step.source}`),
		);
		await expect(page.getByText(trainee.t.grading.failed).first()).toBeVisible();
	});
}
