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

/** "optional" allows an empty value; "multiline" is optional and keeps line breaks and tabs. */
export type TextKind = "required" | "optional" | "multiline";

/**
 * Trims a text field and checks it. Returns the stored value or a refusal naming the field.
 * Markup such as `<script>` is ordinary text here: rendering it safely is the UI's job.
 */
export function checkText(
	value: string,
	field: string,
	max: number,
	kind: TextKind = "required",
): string | Refusal {
	const trimmed = value.trim();
	if (kind === "required" && trimmed.length === 0) return refusal("required", field);
	if (trimmed.length > max) return refusal("too-long", field, { max });
	if (hasControlCharacter(trimmed, kind === "multiline"))
		return refusal("invalid-characters", field);
	return trimmed;
}

// Names are compared on every duplicate check and every grading check, so keys are memoised;
// the cache is bounded because hostile logs could bring any number of distinct names.
const keys = new Map<string, string>();
const maxCachedKeys = 10_000;

/** Case- and space-insensitive key for duplicate checks on names. */
export function nameKey(value: string): string {
	let key = keys.get(value);
	if (key === undefined) {
		key = value.trim().replace(/\s+/g, " ").toLowerCase();
		if (keys.size >= maxCachedKeys) keys.clear();
		keys.set(value, key);
	}
	return key;
}
