/** A run of a message's text, strong where the message marks it `**like this**`. */
export interface Run {
	readonly text: string;
	readonly strong: boolean;
}

/**
 * Splits a message with `**…**` marks into runs, so the guide (Astro) and the demo (Solid) can set
 * the on-screen labels of one text in bold without treating the message as HTML.
 */
export function emphasisRuns(text: string): Run[] {
	return text
		.split("**")
		.map((part, index) => ({ text: part, strong: index % 2 === 1 }))
		.filter((run) => run.text !== "");
}

/** The message as plain text, for places that cannot show emphasis. */
export function withoutEmphasis(text: string): string {
	return text.replaceAll("**", "");
}
