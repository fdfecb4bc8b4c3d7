import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { savedSessionSchema } from "../../src/simulator/store/session/saved.ts";
import type { Action } from "../../src/simulator/model/actions.ts";
import { replay } from "../../src/simulator/model/replay.ts";
import { Trainee, texts, type Locale } from "../e2e/simulator/driver.ts";
import { trainerPassword } from "../e2e/trainer/server-env.ts";
import { reference } from "../e2e/simulator/reference.ts";
import pkg from "../../package.json" with { type: "json" };

/**
 * The guide's pictures of the simulated Control Center (`npm run screenshots`), one per step of the
 * staging page that names a screen. `capture.spec.ts` walks the simulator to each screen and writes
 * the picture and a fingerprint of what the screen shows; `tests/e2e/screens.spec.ts` walks the same
 * way and fails when a fingerprint differs, so a changed screen cannot keep an old picture.
 */

export const locales: readonly Locale[] = ["de", "en"];

export const simulatorScreenNames = [
	"users-list",
	"invite-dialog",
	"user-page",
	"account-information",
	"recipients-window",
] as const;

/** The trainer area's scenario editor, for the trainers' guide page (`editorWalk`). */
export const editorScreenNames = ["scenario-start", "scenario-proofs", "scenario-problem"] as const;

export const screenNames = [...simulatorScreenNames, ...editorScreenNames] as const;
export type ScreenName = (typeof screenNames)[number];

/**
 * How every picture is taken. Part of each fingerprint: changing any of it asks for new pictures.
 * Seed 0 is the scenario as written, so names and addresses stay the same between runs. At this
 * width the Control Center is wide enough for the Users table (it stacks its rows below 36rem of
 * page) and the guide shows the picture scaled to its content column.
 */
export const capture = {
	scenario: "bottling-line",
	seed: 0,
	clock: "2025-03-03T09:00:00.000Z",
	viewport: { width: 860, height: 900 },
	deviceScaleFactor: 2,
	colorScheme: "light",
	highlight: { outline: "3px solid #ea580c", "outline-offset": "3px", "border-radius": "4px" },
	version: 1,
} as const;

/** Where the pictures and their manifest live (read by `src/components/Screenshot.astro`). */
export const screensDir = new URL("../../src/assets/screens/", import.meta.url);
export const manifestUrl = new URL("manifest.json", screensDir);
export const pictureUrl = (locale: Locale, name: ScreenName) =>
	new URL(`${locale}/${name}.png`, screensDir);

export interface ManifestEntry {
	/** sha256 of what the screen shows: its DOM and form values, the styles, the capture settings. */
	screen: string;
	/** sha256 of the PNG file's bytes. */
	png: string;
}
export type Manifest = Record<string, ManifestEntry>;
export const manifestKey = (locale: Locale, name: ScreenName) => `${locale}/${name}`;

export const sha256 = (data: string | Uint8Array) =>
	createHash("sha256").update(data).digest("hex");

/** One screen, ready to be taken: the picture's area, and the fingerprint of what it shows. */
export interface Screen {
	locale: Locale;
	name: ScreenName;
	area: Locator;
	fingerprint: string;
}

/** A style sheet as a picture depends on it: its rules and the custom properties it reads. */
function sheet(path: string) {
	const styles = readFileSync(new URL(path, import.meta.url), "utf8");
	return {
		// The rules alone: comments and formatting change no pixel, so they do not date a picture.
		rules: styles
			.replace(/\/\*[\s\S]*?\*\//g, "")
			.replace(/\s+/g, " ")
			.replace(/\s*([{};:,>])\s*/g, "$1")
			.trim(),
		// Starlight's theme among them.
		customProperties: [...new Set(styles.match(/--[\w-]+/g) ?? [])].sort(),
	};
}
const simulatorSheet = sheet("../../src/simulator/ui/styles.css");
const trainerSheet = sheet("../../public/trainer.css");

/**
 * What the area shows, independent of the machine (fonts differ between machines, so pixels
 * cannot be compared): its markup with form controls' current values written in and generated
 * ids numbered in order, the values of the theme's custom properties, the simulator's style sheet
 * and the capture settings.
 */
async function fingerprint(
	area: Locator,
	styles: ReturnType<typeof sheet> = simulatorSheet,
	normalize: (html: string) => string = (html) => html,
): Promise<string> {
	const seen = await area.evaluate((root, names) => {
		const copy = root.cloneNode(true) as HTMLElement;
		const originals = [...root.querySelectorAll("input, textarea, select")];
		const copies = [...copy.querySelectorAll("input, textarea, select")];
		originals.forEach((original, i) => {
			const c = copies[i]!;
			if (original instanceof HTMLInputElement) {
				c.setAttribute("data-value", original.value);
				if (original.checked) c.setAttribute("data-checked", "");
			} else if (original instanceof HTMLTextAreaElement) {
				c.textContent = original.value;
			} else if (original instanceof HTMLSelectElement) {
				c.setAttribute("data-value", original.value);
			}
		});
		// Generated ids depend on how many components rendered before; number them in order.
		const ids = new Map<string, string>();
		const rename = (id: string) => {
			if (!ids.has(id)) ids.set(id, `id${ids.size}`);
			return ids.get(id)!;
		};
		for (const el of [copy, ...copy.querySelectorAll("*")]) {
			// Taking a picture leaves empty style attributes behind (Playwright hides the caret).
			if (el.getAttribute("style")?.trim() === "") el.removeAttribute("style");
			if (el.id) el.id = rename(el.id);
			for (const attr of ["for", "aria-labelledby", "aria-describedby", "aria-controls"]) {
				const value = el.getAttribute(attr);
				if (value) el.setAttribute(attr, value.split(/\s+/).map(rename).join(" "));
			}
		}
		const computed = getComputedStyle(root);
		const properties = names.map((name) => `${name}: ${computed.getPropertyValue(name).trim()}`);
		return { html: copy.outerHTML.replace(/\s+/g, " "), properties };
	}, styles.customProperties);
	return sha256(
		JSON.stringify({
			capture,
			html: normalize(seen.html),
			properties: seen.properties,
			styles: sha256(styles.rules),
		}),
	);
}

/**
 * Rings the control a step's text names (a style attribute: the site's Content-Security-Policy
 * allows those, not injected style sheets) and takes the focus ring off the picture. Returns how
 * to take the ring off again.
 */
async function highlight(target: Locator): Promise<() => Promise<void>> {
	await expect(target).toBeVisible();
	const before = await target.evaluate((el: HTMLElement, ring) => {
		const style = el.getAttribute("style");
		for (const [property, value] of Object.entries(ring)) {
			el.style.setProperty(property, value, "important");
		}
		(document.activeElement as HTMLElement | null)?.blur();
		return style;
	}, capture.highlight);
	return () =>
		target.evaluate((el, style) => {
			if (style === null) el.removeAttribute("style");
			else el.setAttribute("style", style);
		}, before);
}

/**
 * Shows a modal dialog the way the demo does: over the Control Center's page instead of the
 * whole screen, so the picture holds the Control Center and the dialog together.
 */
async function inPage(dialog: Locator): Promise<void> {
	await dialog.evaluate((el: HTMLDialogElement) => {
		el.close();
		el.show();
	});
}

/**
 * Makes the Control Center's page just tall enough for an open dialog, so the picture has no empty
 * band below it. Applied after the fingerprint is taken: the height depends on the fonts.
 */
async function fitDialog(area: Locator, on: boolean): Promise<void> {
	await area.evaluate((root, on) => {
		const dialog = root.querySelector<HTMLDialogElement>("dialog[open]");
		const page = dialog?.closest<HTMLElement>(".st-cc__page");
		if (!dialog || !page) return;
		if (on) page.style.minHeight = `${dialog.offsetHeight + 2 * dialog.offsetTop}px`;
		else page.style.removeProperty("min-height");
		if (!page.getAttribute("style")) page.removeAttribute("style");
	}, on);
}

/**
 * Drives the simulator through its UI to each screen and hands it to `take`, in order. The
 * reference solution of the capture scenario supplies every value typed.
 */
export async function walk(
	page: Page,
	locale: Locale,
	take: (screen: Screen) => Promise<void>,
): Promise<void> {
	const trainee = new Trainee(page, locale);
	const t = trainee.t;
	const cc = trainee.cc;
	const solution = reference(capture.scenario, capture.seed);
	const contact = solution.scenario.people.find(
		(p) => p.key === solution.scenario.customer.contact,
	);
	if (!contact) throw new Error(`${capture.scenario} has no contact`);

	const shot = async (name: ScreenName, target: Locator) => {
		const unhighlight = await highlight(target);
		const seen = await fingerprint(cc);
		await fitDialog(cc, true);
		await take({ locale, name, area: cc, fingerprint: seen });
		await fitDialog(cc, false);
		await unhighlight();
	};

	// A practice session of the capture scenario with its fixed seed, as the picker would start it.
	const session = savedSessionSchema.parse({
		v: 1,
		attempt: {
			id: `screens-${locale}`,
			scenario: { id: capture.scenario, seed: capture.seed },
			locale,
			mode: "practice",
			startedAt: capture.clock,
			appVersion: pkg.version,
			hintsUsed: 0,
			events: [],
		},
		finished: false,
	});
	await page.clock.setFixedTime(new Date(capture.clock));
	await page.addInitScript(
		([key, value]) => {
			if (!sessionStorage.getItem("screens-seeded")) {
				localStorage.setItem(key!, value!);
				sessionStorage.setItem("screens-seeded", "1");
			}
		},
		["staging-trainer:session:practice", JSON.stringify(session)],
	);
	await page.goto(`/${locale}/practice/`);
	await expect(trainee.orderFrame).toBeVisible();
	// The Control Center gets the whole width, as a trainee can choose.
	await trainee.press(page.getByRole("button", { name: t.ui.panel.hide }));

	const state = (events: number) => replay(solution.start, solution.events.slice(0, events)).state;
	const index = (match: (a: Action) => boolean) => {
		const i = solution.events.findIndex((e) => match(e.action));
		if (i < 0) throw new Error(`the reference of ${capture.scenario} has no such action`);
		return i;
	};
	const invite = index((a) => a.type === "invite-guest-user" && a.email === contact.email);
	const stepDown = index((a) => a.type === "set-user-roles");
	const recipients = index((a) => a.type === "set-notification-recipients");
	const performUpTo = async (from: number, to: number) => {
		for (let i = from; i < to; i++) await trainee.perform(solution.events[i]!.action, state(i));
	};

	// 3.1 The prepared account's Users list: "Invite guest user".
	await performUpTo(0, invite);
	await trainee.nav(t.ui.nav.users);
	await shot("users-list", trainee.button(cc, t.ui.users.invite));

	// 3.3 The invitation: Settings with the contact, Access Roles with Administration ticked.
	const inviteAction = solution.events[invite]!.action;
	if (inviteAction.type !== "invite-guest-user") throw new Error("not an invitation");
	const dialog = await trainee.fillInvitation(inviteAction);
	await inPage(dialog);
	const administration = dialog
		.getByRole("group", { name: t.ui.users.accessRoles })
		.getByRole("checkbox", { name: t.roles.administration.name, exact: true });
	await expect(administration).toBeChecked();
	await shot("invite-dialog", administration.locator("xpath=ancestor::label[1]"));
	await trainee.press(trainee.button(dialog, t.ui.users.inviteButton));
	await expect(dialog).toBeHidden();

	// 3.5 The partner's own user page: Service Provider instead of Administration, then Save.
	await performUpTo(invite + 1, stepDown);
	const stepDownAction = solution.events[stepDown]!.action;
	if (stepDownAction.type !== "set-user-roles") throw new Error("not a role change");
	const partner = state(stepDown).users.find((u) => u.id === stepDownAction.userId);
	if (!partner) throw new Error("no partner user");
	await trainee.nav(t.ui.nav.users);
	await trainee.openUser(partner.email, `${partner.firstName} ${partner.lastName}`);
	await trainee.setRoles(cc, stepDownAction.roles);
	await shot("user-page", trainee.button(cc, t.ui.common.save));
	await trainee.press(trainee.button(cc, t.ui.common.save));
	await expect(cc.getByRole("status").filter({ hasText: t.ui.common.saved })).toBeVisible();

	// 4.1–4.2 Administration > Account Information: "Edit notification recipients".
	await performUpTo(stepDown + 1, recipients);
	await trainee.nav(t.ui.nav.accountInformation);
	await shot("account-information", trainee.button(cc, t.ui.account.editRecipients));

	// 4.3–4.4 The recipients window: the customer's addresses, one per line, then Save.
	const recipientsAction = solution.events[recipients]!.action;
	if (recipientsAction.type !== "set-notification-recipients") throw new Error("not recipients");
	await trainee.press(trainee.button(cc, t.ui.account.editRecipients));
	const window = trainee.dialog(t.ui.account.recipientsWindow);
	await trainee.fill(window.getByLabel(t.ui.account.recipientsLabel), recipientsAction.text);
	await inPage(window);
	await shot("recipients-window", trainee.button(window, t.ui.common.save));
	await trainee.press(trainee.button(window, t.ui.common.save));
	await expect(window).toBeHidden();
}

/**
 * The trainer area's scenario editor, for the trainers' guide page: starting a copy, the proofs
 * of the copy beside the form, and a problem the editor marks at its field. A trainer of the
 * server under test signs in; the copy gets a new id each time, which the fingerprint leaves out.
 */
export async function editorWalk(
	page: Page,
	locale: Locale,
	take: (screen: Screen) => Promise<void>,
): Promise<void> {
	const t = texts[locale];
	const s = t.trainer.scenarios;
	// Wide enough for the proofs to stand beside the form, as a trainer sees them.
	await page.setViewportSize({ width: 1280, height: 900 });
	expect(
		(
			await page.request.post("/api/trainer/login", {
				data: { email: "admin", password: trainerPassword },
			})
		).status(),
	).toBe(204);
	let id = "";
	const shot = async (name: ScreenName, area: Locator, target: Locator) => {
		const unhighlight = await highlight(target);
		// The trainers' own scenarios so far (in the copy list) and the copy's new id differ from
		// one server to the next and show in no picture.
		const own = new RegExp(`<optgroup label="${s.ownGroup}">.*?</optgroup>`, "g");
		const seen = await fingerprint(area, trainerSheet, (html) =>
			(id ? html.replaceAll(id, "ID") : html).replace(own, ""),
		);
		// Room around the area, so the ring of a control at its edge is not cut off in the picture.
		const style = await area.evaluate((el: HTMLElement) => {
			const before = el.getAttribute("style");
			el.style.setProperty("padding", "10px", "important");
			return before;
		});
		await take({ locale, name, area, fingerprint: seen });
		await area.evaluate((el, before) => {
			if (before === null) el.removeAttribute("style");
			else el.setAttribute("style", before);
		}, style);
		await unhighlight();
	};

	await page.goto(`/${locale}/trainer/scenarios/`);
	const start = page.locator("form", { has: page.getByLabel(s.copyFrom) });
	await start.getByLabel(s.copyFrom).selectOption({ label: t.scenarios[capture.scenario].title });
	const create = start.getByRole("button", { name: s.start, exact: true });
	await shot("scenario-start", start, create);
	await create.click();
	await expect(page.getByRole("heading", { name: s.proofsTitle })).toBeVisible();
	id = /scenarios\/([^/]+)\//.exec(page.url())?.[1] ?? "";

	const proofs = page.getByRole("complementary", { name: s.proofsTitle });
	await expect(proofs.getByText(s.proofStatus.passed, { exact: true })).toHaveCount(4);
	await shot("scenario-proofs", proofs, proofs.getByRole("heading", { name: s.proofsTitle }));

	await page.getByRole("button", { name: s.add.labels }).click();
	const row = page.getByRole("group", { name: `${s.items.labels} 3` });
	await row.getByLabel(s.fields.name, { exact: true }).fill("Beipackzettel");
	await row.getByLabel(s.fields.widthMm).fill(locale === "de" ? "breit" : "wide");
	await row.getByLabel(s.fields.heightMm).fill("40");
	await row.getByLabel(s.fields.printer).fill("Zebra ZT411");
	await row.getByLabel(s.fields.fields).fill(locale === "de" ? "Charge\nPZN" : "Batch\nCode");
	await page.getByRole("button", { name: s.save }).first().click();
	const width = page
		.getByRole("group", { name: `${s.items.labels} 3` })
		.getByLabel(s.fields.widthMm);
	await expect(width).toHaveAttribute("aria-invalid", "true");
	await shot("scenario-problem", page.getByRole("group", { name: `${s.items.labels} 3` }), width);
}
