import type { AttemptRow } from "./attempt-store.ts";

/** Column name and value of each CSV column; names are stable for scripts that read the file. */
const columns: readonly [string, (row: AttemptRow) => string | number | null][] = [
	["id", (r) => r.id],
	["taken_at", (r) => r.takenAt],
	["received_at", (r) => r.receivedAt],
	["cohort", (r) => r.cohort],
	["trainee", (r) => r.trainee],
	["scenario", (r) => r.scenarioId],
	["seed", (r) => r.seed],
	["start_step", (r) => r.startStep],
	["mode", (r) => r.mode],
	["locale", (r) => r.locale],
	["score", (r) => r.score],
	["passed", (r) => (r.passed ? 1 : 0)],
	["duration_s", (r) => (r.durationMs === null ? null : Math.round(r.durationMs / 1000))],
	["hints_used", (r) => r.hintsUsed],
	["events", (r) => r.events],
	["refusals", (r) => r.refusals],
	["findings", (r) => r.rules.join(" ")],
	["claimed_score", (r) => r.claimedScore],
	["altered", (r) => (r.altered ? 1 : 0)],
	["altered_reason", (r) => r.alteredReason],
	["source", (r) => r.source],
	["app_version", (r) => r.appVersion],
];

/**
 * One cell. Text starting with = + - @ or a control character gets a leading apostrophe, so a
 * trainee called "=HYPERLINK(…)" stays text in Excel instead of becoming a formula.
 */
function cell(value: string | number | null, delimiter: string): string {
	if (value === null) return "";
	if (typeof value === "number") return String(value);
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return text.includes(delimiter) || /["\r\n]/.test(text)
		? `"${text.replaceAll('"', '""')}"`
		: text;
}

/**
 * The attempts as CSV: UTF-8 with a byte order mark (so Excel reads umlauts right), CRLF line
 * ends, comma-separated, or semicolon-separated for Excel with German regional settings.
 */
export function attemptsCsv(rows: Iterable<AttemptRow>, delimiter: "," | ";" = ","): string {
	const lines = [columns.map(([name]) => name).join(delimiter)];
	for (const row of rows) {
		lines.push(columns.map(([, value]) => cell(value(row), delimiter)).join(delimiter));
	}
	return `\uFEFF${lines.join("\r\n")}\r\n`;
}
