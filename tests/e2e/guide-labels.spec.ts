import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import { glossary } from "../../src/i18n/glossary.ts";
import { Trainee, scenarioTitle, storedAttempt, type Locale } from "./simulator/driver.ts";
import { reference } from "./simulator/reference.ts";

/**
 * The guide tells readers what to click; this test makes sure the simulator shows it. It walks the
 * reference solution of the scenario that uses every screen, in practice mode (so the checklist
 * shows the step names), and before every click collects what the screen names: buttons, links,
 * headings, field labels, group legends, dialog titles, table cells and options. Every bold label
 * inside a guide page's <Steps> and every glossary label marked `on: "screen"` must be among them.
 * (`.st-cc__brand` is the title bar's product name, "Control Center".)
 */

const docs = join(import.meta.dirname, "../../src/content/docs");

function boldLabelsInSteps(locale: Locale): Map<string, string> {
	const found = new Map<string, string>();
	for (const page of readdirSync(join(docs, locale)).filter((f) => f.endsWith(".mdx"))) {
		const source = readFileSync(join(docs, locale, page), "utf8");
		for (const block of source.matchAll(/<Steps>([\s\S]*?)<\/Steps>/g)) {
			for (const bold of block[1]!.matchAll(/\*\*([^*[\]]+)\*\*/g)) found.set(bold[1]!, page);
		}
	}
	return found;
}

/** The names on the simulator's screen right now, including any open dialog. */
async function namesOnScreen(root: Locator): Promise<string[]> {
	return root.page().evaluate(() => {
		const scopes = [...document.querySelectorAll(".st-sim, dialog[open]")];
		const selector =
			"button, a, h1, h2, h3, h4, h5, h6, label, legend, th, td, option, summary, [role=tab], dialog, .st-cc__brand";
		const names: string[] = [];
		for (const scope of scopes) {
			for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
				const text = (el instanceof HTMLOptionElement ? el.text : el.innerText) ?? "";
				names.push(text.replace(/\s+/g, " ").trim());
				const aria = el.getAttribute("aria-label");
				if (aria) names.push(aria.trim());
				const labelledBy = el.getAttribute("aria-labelledby");
				if (labelledBy) {
					const title = document.getElementById(labelledBy.split(" ")[0]!);
					if (title) names.push(title.innerText.replace(/\s+/g, " ").trim());
				}
			}
		}
		return names.filter((n) => n !== "");
	});
}

/** A trainee who notes the names on the screen before every click. */
class Reader extends Trainee {
	readonly seen = new Set<string>();
	async read(): Promise<void> {
		for (const name of await namesOnScreen(this.page.locator("body"))) this.seen.add(name);
	}
	override async press(target: Locator): Promise<void> {
		await this.read();
		await super.press(target);
	}
}

for (const locale of ["de", "en"] as const) {
	test(`every label the ${locale} guide and glossary name is on a simulator screen`, async ({
		page,
	}) => {
		test.setTimeout(180_000);
		const reader = new Reader(page, locale);
		await page.goto(`/${locale}/practice/`);
		await reader.startPractice(scenarioTitle("multi-site-erp", locale), "practice");
		const { attempt } = await storedAttempt(page);
		const solution = reference(attempt.scenario.id, attempt.scenario.seed);
		await reader.performAll(solution.start, solution.events);
		await reader.read();
		// The one dialog the reference solution never opens: adding an organizational user.
		const t = reader.t;
		await reader.nav(t.ui.nav.users);
		await reader.press(page.getByRole("button", { name: t.ui.users.addOrganizational }));
		await reader.read();
		await reader.press(
			reader.dialog(t.ui.users.addOrganizational).getByRole("button", { name: t.ui.common.cancel }),
		);

		const missing: string[] = [];
		for (const [label, pageFile] of boldLabelsInSteps(locale)) {
			if (!reader.seen.has(label)) missing.push(`${pageFile}: **${label}**`);
		}
		for (const term of glossary.filter((g) => g.on === "screen")) {
			if (!reader.seen.has(term[locale])) missing.push(`glossary ${term.id}: ${term[locale]}`);
		}
		expect(missing, "labels the guide names that no simulator screen shows").toEqual([]);
	});
}
