import { expect, type Frame, type Locator, type Page } from "@playwright/test";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };
import type { Action } from "../../../src/simulator/model/actions.ts";
import { replay } from "../../../src/simulator/model/replay.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import type { AttemptEvent } from "../../../src/simulator/attempt/schema.ts";

export type Locale = "de" | "en";
export const texts = { de, en } as const;

/** A scenario's title as the picker shows it. */
export function scenarioTitle(id: string, locale: Locale): string {
	return (texts[locale].scenarios as Record<string, { title: string }>)[id]?.title ?? id;
}

/**
 * Drives the simulated Control Center like a trainee: role-and-name locators with the glossary
 * labels of the current language. With `keyboard`, every control is focused and operated by keys.
 */
export class Trainee {
	readonly t: (typeof texts)[Locale];
	constructor(
		/** The page, or the frame the simulator runs in (an LMS frames a SCORM package). */
		readonly page: Page | Frame,
		readonly locale: Locale,
		readonly keyboard = false,
	) {
		this.t = texts[locale];
	}

	/** Keyboard mode drives a whole page; a frame is driven by pointer only. */
	get keys(): Page["keyboard"] {
		if (!("keyboard" in this.page)) throw new Error("keyboard mode needs a page, not a frame");
		return this.page.keyboard;
	}

	get cc(): Locator {
		return this.page.getByRole("region", { name: this.t.ui.cc.region });
	}

	/** Before the order there is no Control Center: the order form has its own frame. */
	get orderFrame(): Locator {
		return this.page.getByRole("region", { name: this.t.ui.order.region });
	}

	dialog(name: string): Locator {
		return this.page.getByRole("dialog", { name });
	}

	async press(target: Locator): Promise<void> {
		if (this.keyboard) {
			await target.focus();
			await this.keys.press("Enter");
		} else {
			await target.click();
		}
	}

	async check(target: Locator, on: boolean): Promise<void> {
		if ((await target.isChecked()) === on) return;
		if (this.keyboard) {
			await target.focus();
			await this.keys.press("Space");
		} else {
			await target.setChecked(on);
		}
	}

	async fill(target: Locator, value: string): Promise<void> {
		if (this.keyboard) {
			await target.focus();
			await this.keys.press("ControlOrMeta+A");
			await this.keys.press("Delete");
			if (value) await this.keys.insertText(value);
		} else {
			await target.fill(value);
		}
	}

	async choose(target: Locator, label: string): Promise<void> {
		if (this.keyboard) {
			await target.focus();
			await this.keys.type(label);
		} else {
			await target.selectOption({ label });
		}
		await expect(target.locator("option:checked")).toHaveText(label);
	}

	async nav(name: string): Promise<void> {
		const nav = this.cc.getByRole("navigation", { name: this.t.ui.cc.navigation });
		await this.press(nav.getByRole("button", { name, exact: true }));
	}

	button(scope: Locator, name: string): Locator {
		return scope.getByRole("button", { name, exact: true });
	}

	async setRoles(scope: Locator, roles: readonly string[]): Promise<void> {
		const group = scope.getByRole("group", { name: this.t.ui.users.accessRoles });
		for (const [id, role] of Object.entries(this.t.roles)) {
			await this.check(
				group.getByRole("checkbox", { name: role.name, exact: true }),
				roles.includes(id),
			);
		}
	}

	/** Opens a user from the Users table by the row with the address (names may repeat). */
	async openUser(email: string, name: string): Promise<void> {
		// On a narrow screen each cell's name starts with its column's name ("E-mail …").
		const address = new RegExp(`(^|\\s)${email.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
		const row = this.cc.getByRole("row").filter({
			has: this.page.getByRole("cell", { name: address }),
		});
		await this.press(this.button(row, name));
	}

	/** Opens "Invite guest user" on the Users page and fills Settings and Access Roles: the dialog. */
	async fillInvitation(person: {
		firstName: string;
		lastName: string;
		email: string;
		roles: readonly string[];
	}): Promise<Locator> {
		const t = this.t;
		await this.press(this.button(this.cc, t.ui.users.invite));
		const d = this.dialog(t.ui.users.invite);
		const settings = d.getByRole("group", { name: t.ui.users.settings });
		await this.fill(settings.getByLabel(t.fields.firstName), person.firstName);
		await this.fill(settings.getByLabel(t.fields.lastName), person.lastName);
		await this.fill(settings.getByLabel(t.fields.email), person.email);
		await this.setRoles(d, person.roles);
		return d;
	}

	/** Performs an action the model will refuse: the same clicks, then its message is shown. */
	async attempt(action: Action, state: State): Promise<void> {
		await this.perform(action, state, false);
		await expect(this.page.locator("[aria-invalid=true], [data-form-error]").first()).toBeVisible();
		// Leave an open dialog the way a trainee would, so the next step starts from the page.
		const open = this.page.getByRole("dialog");
		if (await open.isVisible()) await this.press(this.button(open, this.t.ui.common.cancel));
	}

	/** Fills and saves the label dialog of the given title (creating or editing a label). */
	async fillLabel(
		title: string,
		label: { name: string; widthMm: number; heightMm: number; printer: string; fields: string[] },
		expectOk: boolean,
	): Promise<void> {
		const t = this.t;
		const d = this.dialog(title);
		await this.fill(d.getByLabel(t.fields.name), label.name);
		await this.fill(d.getByLabel(t.fields.widthMm), String(label.widthMm));
		await this.fill(d.getByLabel(t.fields.heightMm), String(label.heightMm));
		await this.fill(d.getByLabel(t.fields.printer), label.printer);
		await this.fill(d.getByLabel(t.fields.fields), label.fields.join("\n"));
		await this.press(this.button(d, t.ui.common.save));
		if (expectOk) await expect(d).toBeHidden();
	}

	/** Performs one model action through the UI; `state` is the model state before it. */
	async perform(action: Action, state: State, expectOk = true): Promise<void> {
		const t = this.t;
		const cc = this.cc;
		const labelName = (id: string) => state.labels.find((l) => l.id === id)?.name ?? "";
		const configurationName = (id: string | null) =>
			state.configurations.find((c) => c.id === id)?.name ?? t.ui.integrations.none;
		switch (action.type) {
			case "order-account": {
				const order = this.orderFrame;
				await this.fill(order.getByLabel(t.fields.accountName), action.accountName);
				await this.fill(order.getByLabel(t.fields.contactEmail), action.contactEmail);
				await this.check(
					order.getByRole("checkbox", { name: t.fields.forCustomer }),
					action.forCustomer,
				);
				if (action.forCustomer)
					await this.fill(order.getByLabel(t.fields.customerName), action.customerName);
				await this.fill(order.getByLabel(t.fields.note), action.note ?? "");
				await this.press(this.button(order, t.ui.order.submit));
				if (expectOk) await expect(cc.getByText(action.accountName, { exact: true })).toBeVisible();
				return;
			}
			case "create-label": {
				await this.nav(t.ui.nav.documents);
				await this.press(this.button(cc, t.ui.documents.create));
				return this.fillLabel(t.ui.documents.create, action, expectOk);
			}
			case "edit-label": {
				const label = state.labels.find((l) => l.id === action.labelId);
				if (!label) throw new Error(`no label ${action.labelId}`);
				await this.nav(t.ui.nav.documents);
				await this.press(this.button(cc, t.ui.common.editNamed.replace("{{name}}", label.name)));
				return this.fillLabel(t.ui.documents.edit, action, expectOk);
			}
			case "create-configuration": {
				await this.nav(t.ui.nav.integrations);
				await this.press(this.button(cc, t.ui.integrations.createConfiguration));
				const d = this.dialog(t.ui.integrations.createConfiguration);
				await this.fill(d.getByLabel(t.fields.name), action.name);
				await this.choose(d.getByLabel(t.fields.trigger), t.triggers[action.trigger]);
				await this.choose(d.getByLabel(t.fields.labelId), labelName(action.labelId));
				await this.press(this.button(d, t.ui.common.save));
				if (expectOk) await expect(d).toBeHidden();
				return;
			}
			case "start-configuration": {
				await this.nav(t.ui.nav.integrations);
				const name = configurationName(action.configurationId);
				await this.press(this.button(cc, t.ui.integrations.startNamed.replace("{{name}}", name)));
				await expect(
					this.button(cc, t.ui.integrations.stopNamed.replace("{{name}}", name)),
				).toBeVisible();
				return;
			}
			case "create-integration": {
				await this.nav(t.ui.nav.integrations);
				await this.press(this.button(cc, t.ui.integrations.createIntegration));
				const d = this.dialog(t.ui.integrations.createIntegration);
				await this.fill(d.getByLabel(t.fields.name), action.name);
				await this.choose(d.getByLabel(t.fields.kind), t.integrationKinds[action.kind]);
				await this.choose(
					d.getByLabel(t.fields.configurationId),
					configurationName(action.configurationId),
				);
				await this.press(this.button(d, t.ui.common.save));
				if (expectOk) await expect(d).toBeHidden();
				return;
			}
			case "invite-guest-user": {
				await this.nav(t.ui.nav.users);
				const d = await this.fillInvitation(action);
				await this.press(this.button(d, t.ui.users.inviteButton));
				if (expectOk) await expect(d).toBeHidden();
				return;
			}
			case "set-user-roles": {
				const user = state.users.find((u) => u.id === action.userId);
				if (!user) throw new Error(`no user ${action.userId}`);
				await this.nav(t.ui.nav.users);
				await this.openUser(user.email, `${user.firstName} ${user.lastName}`);
				await this.setRoles(cc, action.roles);
				await this.press(this.button(cc, t.ui.common.save));
				if (expectOk)
					await expect(cc.getByRole("status").filter({ hasText: t.ui.common.saved })).toBeVisible();
				return;
			}
			case "remove-user": {
				const user = state.users.find((u) => u.id === action.userId);
				if (!user) throw new Error(`no user ${action.userId}`);
				await this.nav(t.ui.nav.users);
				await this.openUser(user.email, `${user.firstName} ${user.lastName}`);
				await this.press(this.button(cc, t.ui.users.remove));
				if (expectOk) await expect(this.button(cc, t.ui.users.invite)).toBeVisible();
				return;
			}
			case "set-notification-recipients": {
				await this.nav(t.ui.nav.accountInformation);
				await this.press(this.button(cc, t.ui.account.editRecipients));
				const d = this.dialog(t.ui.account.recipientsWindow);
				await this.fill(d.getByLabel(t.ui.account.recipientsLabel), action.text);
				await this.press(this.button(d, t.ui.common.save));
				if (expectOk) await expect(d).toBeHidden();
				return;
			}
			default:
				throw new Error(`the driver does not perform ${action.type}`);
		}
	}

	/** Performs a logged solution, each action from the state the model had before it. */
	/** Performs the events from index `from` on (the earlier ones are done already). */
	async performAll(start: State, events: readonly AttemptEvent[], from = 0): Promise<void> {
		for (let i = from; i < events.length; i++) {
			const event = events[i]!;
			const state = replay(start, events.slice(0, i)).state;
			await this.perform(event.action, state);
		}
	}

	async finish(): Promise<void> {
		await this.press(this.page.getByRole("button", { name: this.t.ui.sim.finish }));
		// An assessment asks before it ends; practice ends at once.
		const results = this.page.getByRole("heading", { name: this.t.ui.results.title, exact: true });
		const confirm = this.dialog(this.t.ui.confirm.finishTitle);
		await expect(results.or(confirm)).toBeVisible();
		if (await confirm.isVisible()) {
			await this.press(this.button(confirm, this.t.ui.confirm.finish));
		}
		await expect(results).toBeVisible();
	}

	/** `name`: the display name an assessment is taken under (else the remembered one, or a default). */
	async startPractice(
		scenarioTitle: string,
		mode: "practice" | "assessment" | "demo",
		name?: string,
	): Promise<void> {
		await this.check(this.page.getByRole("radio", { name: scenarioTitle }), true);
		await this.check(
			this.page.getByRole("radio", { name: new RegExp(`^${this.t.ui.modes[mode].name} `) }),
			true,
		);
		if (mode === "assessment") {
			// An assessment needs the trainee's display name (remembered after the first time).
			const field = this.page.getByLabel(this.t.ui.trainee.name);
			if (name !== undefined) await this.fill(field, name);
			else if ((await field.inputValue()) === "") await this.fill(field, "Test Trainee");
		}
		await this.press(this.page.getByRole("button", { name: this.t.ui.picker.start, exact: true }));
		await expect(this.cc.or(this.orderFrame)).toBeVisible();
	}
}

/** The running attempt as stored by the practice page. */
export async function storedAttempt(page: Page | Frame, name = "practice") {
	const raw = await page.evaluate(
		(key) => localStorage.getItem(key),
		`staging-trainer:session:${name}`,
	);
	if (!raw) throw new Error("no stored session");
	return JSON.parse(raw) as {
		attempt: { scenario: { id: string; seed: number }; events: AttemptEvent[] };
	};
}
