import { expect, type Page } from "@playwright/test";
import { messages } from "../../src/i18n/messages.ts";

/**
 * Text that looks like a message key (`trainer.cohorts.csv`): a top-level part of the messages
 * followed by a dotted name. A key that does not exist is shown by i18next as the key itself, so
 * this is what a missing text looks like on a page.
 */
const roots = Object.keys(messages.de).join("|");
const keyLike = new RegExp(`(?<![\\w@.-])(?:${roots})(?:\\.[a-zA-Z][\\w-]*)+(?![\\w@-])`, "g");

/** Fails on any key-like text: visible text, labels, titles, placeholders and alternatives. */
export async function expectNoRawKeys(page: Page): Promise<void> {
	const texts = await page.evaluate(() => {
		const attributes = ["aria-label", "title", "placeholder", "alt", "aria-description"];
		const values = [...document.querySelectorAll("*")].flatMap((el) =>
			attributes.map((a) => el.getAttribute(a) ?? ""),
		);
		return [document.title, document.body.innerText, ...values].join("\n");
	});
	expect(texts.match(keyLike) ?? [], "text that looks like a message key").toEqual([]);
}
