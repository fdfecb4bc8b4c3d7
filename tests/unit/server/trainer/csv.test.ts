import { describe, expect, test } from "vitest";
import type { AttemptRow } from "../../../../src/server/attempts/store.ts";
import { attemptsCsv, neutraliseFormulas } from "../../../../src/server/trainer/csv.ts";

/**
 * Reads CSV as a spreadsheet does with the given separator: a field is quoted only when it starts
 * with `"`; elsewhere quotes are plain characters. Returns the fields of every row.
 */
function parse(text: string, separator: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let i = 0;
	while (i <= text.length) {
		let field = "";
		if (text[i] === '"') {
			i++;
			for (;;) {
				if (i >= text.length) break;
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				field += text[i++];
			}
			// Whatever follows a closing quote up to the separator belongs to the field.
			while (i < text.length && text[i] !== separator && text[i] !== "\r" && text[i] !== "\n") {
				field += text[i++];
			}
		} else {
			while (i < text.length && text[i] !== separator && text[i] !== "\r" && text[i] !== "\n") {
				field += text[i++];
			}
		}
		row.push(field);
		if (i >= text.length) {
			rows.push(row);
			break;
		}
		if (text[i] === separator) {
			i++;
			continue;
		}
		// A line end: CRLF, LF or CR.
		if (text[i] === "\r" && text[i + 1] === "\n") i++;
		i++;
		rows.push(row);
		row = [];
		if (i >= text.length) break;
	}
	return rows;
}

/** What Excel and LibreOffice evaluate: a cell starting (after blanks) with = + - @, tab or CR. */
const formula = /^\s*[=+\-@\t\r＝＋－＠]/u;

const hostile = [
	"Jana;=cmd|' /C calc'!A0;x",
	"Jana,=cmd|' /C calc'!A0,x",
	'=HYPERLINK("http://evil","click")',
	"+1+1",
	"-2+3",
	"@SUM(1,1)",
	"\t=1+1",
	" =1+1",
	'x;"=1+1"',
	"x,\"=1+1\";'=2+2'",
	"a\n=1+1",
	"a\r\n@x",
	"ok; , ;-",
	"＝1+1",
];

function row(trainee: string, cohort: string): AttemptRow {
	return {
		id: "a-1",
		source: "submit",
		receivedAt: "2026-01-05T08:30:00.000Z",
		takenAt: "2026-01-05T08:21:13.000Z",
		startedAt: "2026-01-05T08:00:00.000Z",
		finishedAt: "2026-01-05T08:21:13.000Z",
		durationMs: 1_273_000,
		cohort,
		trainee,
		scenarioId: "first-handover",
		scenarioVersion: null,
		seed: 3,
		startStep: null,
		mode: "assessment",
		locale: "de",
		appVersion: "0.1.0",
		score: 96,
		passed: true,
		hintsUsed: 2,
		events: 12,
		refusals: 0,
		claimedScore: 100,
		altered: false,
		alteredReason: null,
		alteredDetail: null,
		rules: ["hints-used"],
		cohortId: null,
		trust: "self-reported",
		serverStartedAt: null,
		serverFinishedAt: null,
		flags: [],
	};
}

describe("CSV export", () => {
	test("no cell becomes a formula, whichever separator the file is opened with", () => {
		const rows = hostile.flatMap((value) => [row(value, "K"), row("Jana", value)]);
		for (const written of [",", ";"] as const) {
			const text = attemptsCsv(rows, written).slice(1);
			for (const read of [",", ";", "\t"]) {
				const cells = parse(text, read).flat();
				const formulas = cells.filter((cell) => formula.test(cell));
				expect(formulas, `written with "${written}", read with "${read}"`).toEqual([]);
			}
		}
	});

	test("read with the separator it was written with, every value comes back, marked as text", () => {
		for (const written of [",", ";"] as const) {
			const text = attemptsCsv(
				hostile.map((value) => row(value, "K")),
				written,
			).slice(1);
			const parsed = parse(text, written);
			const column = parsed[0]!.indexOf("trainee");
			const names = parsed.slice(1, hostile.length + 1).map((r) => r[column]);
			// Only apostrophes are added, one at the start of each piece that would start a formula.
			const unmarked = names.map((n) =>
				n?.replace(/(^|[,;\t\r\n])'(?=[\s"']*[=+\-@\t\r＝＋－＠])/gu, "$1"),
			);
			expect(unmarked).toEqual(hostile);
		}
	});

	test("ordinary names and numbers are left alone", () => {
		expect(neutraliseFormulas("Jürgen Größe-Müller")).toBe("Jürgen Größe-Müller");
		expect(neutraliseFormulas("Müller, Jana")).toBe("Müller, Jana");
		expect(neutraliseFormulas("Jana;=1")).toBe("Jana;'=1");
		const text = attemptsCsv([row("Jana Beispiel", "2026-01")], ";");
		expect(text).toContain(";2026-01;Jana Beispiel;first-handover;3;;assessment;de;96;1;1273;2;");
	});
});
