/**
 * A trainee's name or cohort as a trainer will see it: in Unicode's composed form (NFC), without
 * control characters and invisible format characters (bidi overrides, zero-width spaces, the byte
 * order mark …), runs of white space as one space, trimmed. Otherwise "Jana\u200bBeispiel" or a
 * right-to-left override would give a second trainee who looks like the first in every list. Zero
 * width (non-)joiners stay between letters of the scripts that need them (Persian, Indic), never in
 * Latin text.
 */
export function plainText(text: string): string {
	const chars = [...text.normalize("NFC")];
	let out = "";
	for (const [i, c] of chars.entries()) {
		if (/\p{Cc}/u.test(c)) {
			out += /\s/u.test(c) ? " " : "";
		} else if (/\p{Cf}/u.test(c)) {
			const around = `${chars[i - 1] ?? ""}${chars[i + 1] ?? ""}`;
			const joiner = c === "\u200C" || c === "\u200D";
			if (joiner && /^[\p{L}\p{M}]{2}$/u.test(around) && !/\p{Script=Latin}/u.test(around)) {
				out += c;
			}
		} else {
			out += c;
		}
	}
	return out.replace(/\s+/gu, " ").trim();
}
