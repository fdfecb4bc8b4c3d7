import type { AttemptRow } from "../attempts/store.ts";
import type { AuditEntry } from "../access/audit.ts";
import type { CohortInsight, TraineeProgress } from "../cohorts/insight.ts";

/** Column name and value of each CSV column; names are stable for scripts that read the file. */
const columns: CsvColumns<AttemptRow> = [
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
	["trust", (r) => r.trust],
	["flags", (r) => r.flags.join(" ")],
	["app_version", (r) => r.appVersion],
	["scenario_version", (r) => r.scenarioVersion],
];

/** What makes a spreadsheet read a cell as a formula (or a DDE call) rather than as text. */
const formulaStart = /^[\s"']*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/**
 * Neutralises formulas in every fragment of a text that a spreadsheet could read as a cell of its
 * own: the text itself, and each piece after a comma, semicolon, tab or line break. A file written
 * with one separator is often opened with the other (German Excel splits at `;`), and then
 * `Jana;=cmd|' /C calc'!A0` in one comma-separated cell becomes the cell `=cmd|…`; a quoted line
 * break starts a new row for a reader that does not see the quotes. Each such piece gets a leading
 * apostrophe, which spreadsheets show as text and do not evaluate.
 */
export function neutraliseFormulas(text: string): string {
	return text
		.split(/(?<=[,;\t\r\n])/)
		.map((piece) => (formulaStart.test(piece) ? `'${piece}` : piece))
		.join("");
}

/** One cell: numbers as they are; text without formulas, quoted when it holds either separator. */
function cell(value: string | number | null): string {
	if (value === null) return "";
	if (typeof value === "number") return String(value);
	const text = neutraliseFormulas(value);
	return /[,;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvColumns<T> = readonly (readonly [string, (row: T) => string | number | null])[];

/**
 * Rows as CSV: UTF-8 with a byte order mark (so Excel reads umlauts right), CRLF line ends,
 * comma-separated, or semicolon-separated for Excel with German regional settings.
 */
export function toCsv<T>(
	columns: CsvColumns<T>,
	rows: Iterable<T>,
	delimiter: "," | ";" = ",",
): string {
	const lines = [columns.map(([name]) => name).join(delimiter)];
	for (const row of rows) {
		lines.push(columns.map(([, value]) => cell(value(row))).join(delimiter));
	}
	return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The attempts as CSV (see `toCsv`). */
export function attemptsCsv(rows: Iterable<AttemptRow>, delimiter: "," | ";" = ","): string {
	return toCsv(columns, rows, delimiter);
}

/** The tables of a cohort's insight as CSV, each with stable column names for scripts. */
export const insightTables = ["trainees", "steps", "findings", "scores", "scenarios"] as const;
export type InsightTable = (typeof insightTables)[number];

const traineeColumns: CsvColumns<TraineeProgress> = [
	["trainee", (r) => r.trainee],
	["state", (r) => r.state],
	["joined_at", (r) => r.joinedAt],
	["assessments_started", (r) => r.issued],
	["assessments_submitted", (r) => r.attempts],
	["assessments_abandoned", (r) => r.abandoned],
	["best_score", (r) => r.best],
	["latest_score", (r) => r.latest],
	["latest_at", (r) => r.latestAt],
	["latest_attempt", (r) => r.latestId],
	["practice_attempts", (r) => r.practice],
];

/** One table of a cohort's insight as CSV (see `toCsv`). */
export function insightCsv(
	insight: CohortInsight,
	table: InsightTable,
	delimiter: "," | ";",
): string {
	switch (table) {
		case "trainees":
			return toCsv(traineeColumns, insight.trainees, delimiter);
		case "steps":
			return toCsv(
				[
					["step", (r) => r.step],
					["attempts", (r) => r.attempts],
					["done", (r) => r.done],
				],
				insight.steps,
				delimiter,
			);
		case "findings":
			return toCsv(
				[
					["rule", (r) => r.rule],
					["attempts", (r) => r.attempts],
				],
				insight.summary.findings,
				delimiter,
			);
		case "scores":
			return toCsv(
				[
					["band", (r) => r.band],
					["attempts", (r) => r.attempts],
				],
				insight.scores.map((attempts, band) => ({ band, attempts })),
				delimiter,
			);
		case "scenarios":
			return toCsv(
				[
					["scenario", (r) => r.scenarioId],
					["attempts", (r) => r.attempts],
					["passed", (r) => r.passed],
					["average_score", (r) => r.averageScore],
				],
				insight.scenarios,
				delimiter,
			);
	}
}

const auditColumns: CsvColumns<AuditEntry> = [
	["id", (e) => e.id],
	["at", (e) => e.at],
	["actor", (e) => e.actor],
	["actor_id", (e) => e.actorId],
	["action", (e) => e.action],
	["target_type", (e) => e.targetType],
	["target_id", (e) => e.targetId],
	["target", (e) => e.target],
	["details", (e) => JSON.stringify(e.details)],
	["address", (e) => e.address],
];

/** The audit trail as CSV, its cells made safe as the attempts' are. */
export function auditCsv(entries: Iterable<AuditEntry>, delimiter: "," | ";" = ","): string {
	return toCsv(auditColumns, entries, delimiter);
}
