import { emailProblem } from "./email.ts";
import { limits } from "./limits.ts";
import { refusal, type Refusal } from "./refusal.ts";

/**
 * Parses the text of the "Loftware Cloud notification recipients" window, which asks for one address
 * per line. Lines are split on any line break, trimmed, and blank lines are ignored. Commas and
 * semicolons are refused rather than split, because the window's rule is one address per line and a
 * silent split would teach the wrong habit. Duplicates (in any letter case) are refused too.
 * Refusals name the field `text` and the 1-based line number in the raw text.
 */
export function parseRecipients(text: string): readonly string[] | Refusal {
	if (text.length > limits.recipientsText) {
		return refusal("too-long", "text", { max: limits.recipientsText });
	}
	const addresses: string[] = [];
	const lines = text.split(/\r\n|\r|\n/);
	for (let i = 0; i < lines.length; i++) {
		const line = (lines[i] as string).trim();
		if (line.length === 0) continue;
		const lineNumber = i + 1;
		if (line.includes(",") || line.includes(";")) {
			return refusal("recipients-separator", "text", { line: lineNumber });
		}
		const problem = emailProblem(line);
		if (problem !== null) {
			return refusal("invalid-recipient", "text", { line: lineNumber, problem });
		}
		const address = line.toLowerCase();
		if (addresses.includes(address)) {
			return refusal("duplicate-recipient", "text", { line: lineNumber, address });
		}
		if (addresses.length === limits.recipients) {
			return refusal("too-many", "text", { max: limits.recipients });
		}
		addresses.push(address);
	}
	if (addresses.length === 0) return refusal("recipients-empty", "text");
	return addresses;
}
