import { refusal, type Refusal } from "./refusal.ts";

/**
 * Single-line fields reject control characters (a line break would break lists and e-mails);
 * multi-line fields keep tab and line breaks.
 */
function hasControlCharacter(text: string, multiline: boolean): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x20 && c !== 0x7f) continue;
		if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
		return true;
	}
	return false;
}

export interface TextRule {
	readonly max: number;
	readonly required?: boolean;
	readonly multiline?: boolean;
}

/**
 * Trims a text field and checks it. Returns the stored value or a refusal naming the field.
 * Markup such as `<script>` is ordinary text here: rendering it safely is the UI's job.
 */
export function checkText(value: string, field: string, rule: TextRule): string | Refusal {
	const trimmed = value.trim();
	if (rule.required !== false && trimmed.length === 0) return refusal("required", field);
	if (trimmed.length > rule.max) return refusal("too-long", field, { max: rule.max });
	if (hasControlCharacter(trimmed, rule.multiline === true)) {
		return refusal("invalid-characters", field);
	}
	return trimmed;
}

/** Case- and space-insensitive key for duplicate checks on names. */
export function nameKey(value: string): string {
	return value.trim().replace(/\s+/g, " ").toLowerCase();
}
