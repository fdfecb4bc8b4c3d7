import type { Translate } from "../simulator/text/locale.ts";

export type Messages = { readonly [key: string]: string | Messages };

const placeholder = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * The browser's translator: dotted key lookup and i18next's `{{name}}` interpolation, nothing else,
 * because i18next alone would take a quarter of the practice page's JavaScript budget. The message
 * files stay in i18next's format; the server and tests use i18next itself (translator.ts), and a
 * unit test checks that both give the same text for every key. A missing key shows the key, as
 * i18next does, so a gap is visible instead of blank.
 */
export function createTranslator(messages: Messages): Translate {
	return (key, params) => {
		let node: string | Messages | undefined = messages;
		for (const part of key.split(".")) {
			node = typeof node === "object" ? node[part] : undefined;
		}
		if (typeof node !== "string") return key;
		return params
			? node.replace(placeholder, (whole, name: string) =>
					name in params ? String(params[name]) : whole,
				)
			: node;
	};
}
