import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import de from "../../../src/i18n/de.json";
import en from "../../../src/i18n/en.json";
import { glossary } from "../../../src/i18n/glossary";
import { stepIds } from "../../../src/simulator/process/steps";

const root = join(import.meta.dirname, "../../..");
const docs = join(root, "src/content/docs");
const locales = ["de", "en"] as const;
const texts = { de, en };

function pages(locale: string): string[] {
	return readdirSync(join(docs, locale)).filter((f) => f.endsWith(".mdx"));
}
function read(path: string): string {
	return readFileSync(join(root, path), "utf8");
}

/** Every text a reader of one language meets: guide pages and the UI, message and e-mail strings. */
function corpus(locale: "de" | "en"): { where: string; text: string }[] {
	const files = [
		...pages(locale).map((p) => `src/content/docs/${locale}/${p}`),
		`src/i18n/${locale}.json`,
		`src/i18n/cohort-${locale}.json`,
		`src/i18n/why-${locale}.json`,
	];
	return files.map((where) => ({ where, text: read(where) }));
}

/**
 * The avoided spellings of the terminology table in CONTRIBUTING.md ("One term per concept").
 * Each entry: a pattern that must not occur and the term to use instead.
 */
const avoided: Record<"de" | "en", [RegExp, string][]> = {
	de: [
		[/Mitglied der Verwaltung/, "Mitglied der Zugriffsrolle Verwaltung"],
		[/(die|Ihre) Verwaltung abgeben|Verwaltung ab\b/, "die Zugriffsrolle Verwaltung verlassen"],
		[/Verwaltungsrechte/, "der Zugriffsrolle Verwaltung angehören"],
		[/Eigentümer/, "Inhaber"],
		// The help page's own title, quoted, keeps its spelling.
		[/(?<!„Neue )Loftware Cloud Kont/, "Loftware-Cloud-Konto"],
		[/Kurscode|Kohortencode/, "Zugangscode (Beitritt) oder Kohorte (Name)"],
		[/Teilnehmer(?!in|nen|de)/, "Teilnehmende"],
		[/Übungsseite|Übungsmodus/, "die Seite Üben / der Modus Üben"],
		[/für einen Kunden ist\b/, "für einen Kunden einrichten"],
		[/Urkunde|Bescheinigung/, "Zertifikat"],
		[/Lernmanagementsystem/, "Lernplattform (LMS)"],
		[/SCORM-Datei/, "LMS-Paket"],
	],
	en: [
		[
			/\b(practis(e|es|ed|ing)|organis(e|ed|es|ing|ation|ations|ational)|recognis(e|ed|es|ing|able)|realis(e|ed|es|ing)|customis\w*|optimis(e|ed|es|ing)|summaris(e|ed|es|ing))\b/i,
			"American -ize/-ice spelling",
		],
		[
			/\b(colour|behaviour|favour|honour|centre|catalogue|licence|programme|whilst|modelling|modelled|labelled|cancelled|travelled)\b/i,
			"American spelling",
		],
		[/course code|cohort code/i, "join code (to join) or cohort (its name)"],
		[/certification code|verify code/i, "verification code"],
		[/\bspelt\b/, "spelled"],
		[/delicatessen|goods-out/i, "plain English"],
		[/[Ii]n the trainer\b(?! area)/, "in this trainer"],
		[
			/(?<![#/\w-])[Ss]et-up(?![-\w])|\bafterwards\b|\bany more\b/,
			"setup (noun), afterward, anymore",
		],
	],
};

describe("one term per concept", () => {
	test.each(locales)(
		"the %s texts avoid the spellings the terminology table rules out",
		(locale) => {
			const found: string[] = [];
			for (const { where, text } of corpus(locale)) {
				text.split("\n").forEach((line, i) => {
					// `aria-labelledby` and similar attribute names are code, not text.
					const prose = line.replace(/labelled[bB]y/g, "");
					for (const [pattern, use] of avoided[locale]) {
						const m = prose.match(pattern);
						if (m) found.push(`${where}:${i + 1} "${m[0]}" → ${use}`);
					}
				});
			}
			expect(found).toEqual([]);
		},
	);

	test("CONTRIBUTING.md carries the terminology table these checks come from", () => {
		const contributing = read("CONTRIBUTING.md");
		expect(contributing).toMatch(/## Terminology/);
		for (const term of ["Zugriffsrolle Verwaltung", "Inhaber", "Zugangscode", "Übung", "Prüfung"]) {
			expect(contributing).toContain(term);
		}
	});
});

/** The explicit heading of a step's section, without its number ("3.4 ", "2. ", "4.1–4.4 "). */
function stepHeading(source: string, id: string): string | undefined {
	const m = source.match(new RegExp(`^#{2,3} (.*?) \\\\?\\{#${id}\\\\?\\}\\s*$`, "m"));
	return m?.[1]!.replace(/^\d+(\.\d+)?(–\d+\.\d+)?\.? /, "");
}

describe("the checklist and the guide name each step alike", () => {
	test.each(locales)("every %s checklist title equals the heading it links to", (locale) => {
		const staging = read(`src/content/docs/${locale}/staging.mdx`);
		const differ = stepIds
			.map((id) => ({
				id,
				title: texts[locale].steps[id].title,
				heading: stepHeading(staging, id),
			}))
			.filter((s) => s.title !== s.heading);
		expect(differ).toEqual([]);
	});
});

describe("the glossary says what this trainer simulates", () => {
	test.each(locales)(
		"the %s glossary page marks every part of Loftware Cloud the trainer does not simulate",
		(locale) => {
			const page = read(`src/content/docs/${locale}/glossary.mdx`);
			const marker =
				locale === "de" ? "Im Trainer nicht nachgebildet." : "Not simulated in this trainer.";
			const rows = page.split("\n").filter((l) => l.startsWith("|"));
			for (const term of glossary) {
				const row = rows.find((r) => r.split("|")[1]!.trim() === term[locale]);
				if (term.on === "product") {
					expect(row, term[locale]).toBeDefined();
					expect(row, term[locale]).toContain(marker);
				} else if (row) {
					expect(row, term[locale]).not.toContain(marker);
				}
			}
		},
	);

	test.each(locales)("the %s guide never sets a word that names no control in bold", (locale) => {
		const words = glossary.filter((t) => t.on === "term").map((t) => t[locale]);
		for (const page of pages(locale)) {
			const text = read(`src/content/docs/${locale}/${page}`);
			for (const word of words) expect(text, page).not.toContain(`**${word}**`);
		}
	});
});
