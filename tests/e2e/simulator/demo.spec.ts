import { expect, test, type Page } from "@playwright/test";
import { withoutEmphasis } from "../../../src/i18n/emphasis.ts";
import { messages } from "../../../src/i18n/messages.ts";
import { getScenario, scenarios } from "../../../src/simulator/scenarios/registry.ts";
import { solution } from "../../../src/simulator/scenarios/solution.ts";
import { variant } from "../../../src/simulator/scenarios/variant.ts";
import { Trainee, scenarioTitle, storedAttempt, type Locale } from "./driver.ts";

/**
 * "Show me" works the real screens: the dialog opens, the fields fill, the caption says what and
 * why, and the demo ends at 100. Played fast with reduced motion, except where typing is the point.
 */

interface Sighting {
	/** The dialog's title and the label of the field to watch in it. */
	readonly dialog: string;
	readonly label: string;
}

/**
 * Listens from before the demo starts and notes each value the field takes while the dialog is
 * open, with the caption shown at that moment: assertions made during playback, which a look after
 * the fact could not make at a fast pace. The demo types through input events, as a keyboard does.
 */
async function watchFor(page: Page, sighting: Sighting): Promise<void> {
	await page.evaluate(({ dialog, label }) => {
		const w = window as unknown as { seen: { value: string; caption: string }[] };
		w.seen = [];
		const text = (el: Element | null | undefined) =>
			el?.textContent?.replace(/\s+/g, " ").trim() ?? "";
		document.addEventListener(
			"input",
			(event) => {
				const field = event.target as HTMLInputElement;
				const open = field.closest("dialog[open]");
				if (!open || text(open.querySelector("h2")) !== dialog) return;
				if (![...(field.labels ?? [])].some((l) => text(l) === label)) return;
				w.seen.push({
					value: field.value,
					caption: text(document.querySelector(".st-demo__caption")),
				});
			},
			true,
		);
	}, sighting);
}

async function seen(page: Page): Promise<{ value: string; caption: string }[]> {
	return page.evaluate(
		() => (window as unknown as { seen: { value: string; caption: string }[] }).seen,
	);
}

async function startDemo(
	page: Page,
	locale: Locale,
	id: string,
	pace: "fast" | "normal",
	sighting?: (t: Trainee["t"]) => Sighting,
) {
	const trainee = new Trainee(page, locale);
	await page.goto(`/${locale}/practice/`);
	if (sighting) await watchFor(page, sighting(trainee.t));
	await trainee.startPractice(scenarioTitle(id, locale), "demo");
	const controls = page.getByRole("group", { name: trainee.t.ui.demo.controls });
	await controls
		.getByLabel(trainee.t.ui.demo.pace)
		.selectOption({ label: trainee.t.ui.demo.paces[pace] });
	const { attempt } = await storedAttempt(page);
	const events = solution(variant(getScenario(id)!, attempt.scenario.seed));
	return { trainee, controls, events, t: trainee.t };
}

async function expectScore100(trainee: Trainee) {
	await trainee.finish();
	await expect(
		trainee.page.getByText(
			trainee.t.grading.score.replace("{{score}}", "100").replace("{{max}}", "100"),
			{ exact: true },
		),
	).toBeVisible();
}

for (const locale of ["de", "en"] as Locale[]) {
	for (const { id } of scenarios) {
		test(`the demo of ${id} fills the real dialogs and ends at 100 (${locale})`, async ({
			page,
		}) => {
			test.setTimeout(150_000);
			await page.emulateMedia({ reducedMotion: "reduce" });
			// A solution without an invitation (the customer is already invited) shows the
			// recipients window instead.
			const invites = solution(variant(getScenario(id)!, 0)).some(
				(e) => e.action.type === "invite-guest-user",
			);
			const { trainee, controls, events, t } = await startDemo(page, locale, id, "fast", (t) =>
				invites
					? { dialog: t.ui.users.invite, label: t.fields.email }
					: { dialog: t.ui.account.recipientsWindow, label: t.ui.account.recipientsLabel },
			);
			const why = (step: keyof typeof messages.de.stepWhy) =>
				withoutEmphasis(messages[locale].stepWhy[step]);
			const shown = events.find((e) =>
				invites
					? e.action.type === "invite-guest-user"
					: e.action.type === "set-notification-recipients",
			)!;
			const value =
				shown.action.type === "invite-guest-user"
					? shown.action.email
					: shown.action.type === "set-notification-recipients"
						? shown.action.text
						: "";
			// While the dialog was open its field held the value, under a caption naming the step
			// and saying why.
			await expect
				.poll(async () => (await seen(page)).find((s) => s.value === value)?.caption, {
					timeout: 90_000,
				})
				.toContain(t.steps[shown.step].title);
			const caption = (await seen(page)).find((s) => s.value === value)!.caption;
			expect(caption).toContain(why(shown.step));
			await expect(controls.getByText(t.ui.demo.finished)).toBeVisible({ timeout: 120_000 });
			await expect(controls.getByRole("alert")).toHaveCount(0);
			const { attempt } = await storedAttempt(page);
			expect(attempt.events.map((e) => e.action)).toEqual(events.map((e) => e.action));
			await expectScore100(trainee);
		});
	}
}

test("the demo types at a readable pace, and the trainee's own clicks do not reach the screen", async ({
	page,
}) => {
	test.setTimeout(120_000);
	const { trainee, controls, events, t } = await startDemo(page, "en", "first-handover", "fast");
	const invite = events.find((e) => e.action.type === "invite-guest-user")!;
	const email = invite.action.type === "invite-guest-user" ? invite.action.email : "";
	const dialog = trainee.dialog(t.ui.users.invite);
	await expect(dialog).toBeVisible({ timeout: 60_000 });
	// Without reduced motion the address appears character by character.
	const field = dialog.getByLabel(t.fields.email, { exact: true });
	await page.waitForFunction(
		([label, full]) => {
			const dialogEl = document.querySelector("dialog[open]");
			const input = [...(dialogEl?.querySelectorAll("label") ?? [])].find(
				(l) => l.textContent?.trim() === label,
			)?.control as HTMLInputElement | undefined;
			const value = input?.value ?? "";
			return value.length > 0 && value.length < full!.length && full!.startsWith(value);
		},
		[t.fields.email, email],
		{ polling: "raf", timeout: 30_000 },
	);
	await expect(field).toHaveValue(email);

	// The dialog does not trap the trainee: the demo's controls stay usable, and pausing holds.
	await controls.getByRole("button", { name: t.ui.demo.pause }).click();
	await expect(controls.getByRole("button", { name: t.ui.demo.play })).toBeVisible();
	const count = async () => (await storedAttempt(page)).attempt.events.length;
	const paused = await count();

	// A trainee's own click in the Control Center is not taken while the demo runs.
	await dialog.getByRole("checkbox", { name: t.roles.operator.name }).click({ force: true });
	await expect(dialog.getByRole("checkbox", { name: t.roles.operator.name })).not.toBeChecked();
	await field.focus();
	await page.keyboard.type("x");
	await expect(field).toHaveValue(email);
	await expect(controls.locator(".st-demo__note--alert")).toBeVisible();

	// Back abandons the half-shown invitation: the dialog closes, the log is as it was.
	await controls.getByRole("button", { name: t.ui.demo.back }).click();
	await expect(dialog).toBeHidden();
	expect(await count()).toBe(paused);
	// Back again takes the last action back; Next shows it again.
	await controls.getByRole("button", { name: t.ui.demo.back }).click();
	await expect.poll(count).toBe(paused - 1);
	await controls.getByRole("button", { name: t.ui.demo.next }).click();
	await expect.poll(count, { timeout: 30_000 }).toBe(paused);
	await controls.getByRole("button", { name: t.ui.demo.play }).click();
	await expect(controls.getByText(t.ui.demo.finished)).toBeVisible({ timeout: 60_000 });
	await expectScore100(trainee);
});

test("the demo waits for a page whose code is still loading instead of stopping", async ({
	page,
}) => {
	test.setTimeout(90_000);
	// Account Information's code arrives late, as on a slow connection or a busy machine.
	await page.route(/\/_astro\/AccountInformation\.[^/]*\.js$/, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 2000));
		await route.continue();
	});
	await page.emulateMedia({ reducedMotion: "reduce" });
	const { trainee, controls, t } = await startDemo(
		page,
		"en",
		"invited-without-administration",
		"fast",
	);
	await expect(controls.getByText(t.ui.demo.finished)).toBeVisible({ timeout: 60_000 });
	await expect(controls.getByRole("alert")).toHaveCount(0);
	await expectScore100(trainee);
});
