import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { translator } from "../../i18n/translator.ts";
import { gradingNumbers } from "../../simulator/grading/rubric.ts";
import type { Locale } from "../../simulator/text/locale.ts";
import { formatDay } from "../trainer/format.ts";
import type { Certificate } from "./store.ts";

/**
 * A certificate as a PDF (A4, landscape) in the trainee's language, made with pdfkit. Its font,
 * DejaVu Sans, is embedded as a subset and covers every name the product accepts (German, Polish,
 * Turkish, Nordic and many more); a character it has no glyph for (most emoji), and any control or
 * format character, is drawn as "�", so a name is never shortened without a sign. Everything is
 * drawn as text with pdfkit's own encoding: nothing a trainee typed can become PDF syntax.
 */

const require = createRequire(import.meta.url);
const fontPath = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const boldPath = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
let fonts: { regular: Buffer; bold: Buffer; glyphs: fontkit.Font } | undefined;

function loadFonts() {
	if (fonts === undefined) {
		const regular = readFileSync(fontPath);
		fonts = {
			regular,
			bold: readFileSync(boldPath),
			glyphs: fontkit.create(regular) as fontkit.Font,
		};
	}
	return fonts;
}

/** The text as the font can draw it: what it cannot is "�", visibly. */
export function drawable(text: string): string {
	const { glyphs } = loadFonts();
	let out = "";
	for (const c of text.normalize("NFC")) {
		const code = c.codePointAt(0) ?? 0;
		out += /[\p{Cc}\p{Cf}]/u.test(c) || !glyphs.hasGlyphForCodePoint(code) ? "\uFFFD" : c;
	}
	return out;
}

export function certificatePdf(
	certificate: Certificate,
	locale: Locale,
	verifyUrl: string,
): Promise<Uint8Array> {
	const t = translator(locale);
	const { regular, bold } = loadFonts();
	const title = t("certificate.title");
	const doc = new PDFDocument({
		size: "A4",
		layout: "landscape",
		margin: 56,
		lang: locale,
		displayTitle: true,
		info: {
			Title: `${title}: ${drawable(certificate.trainee)}`,
			Author: certificate.issuer,
			Subject: certificate.scenarioTitles[locale] ?? certificate.scenarioId,
		},
	});
	doc.registerFont("text", regular);
	doc.registerFont("bold", bold);
	const chunks: Buffer[] = [];
	doc.on("data", (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Uint8Array>((resolve, reject) => {
		doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
		doc.on("error", reject);
	});

	const width = doc.page.width - 2 * 56;
	const centred = { width, align: "center" as const };
	doc
		.rect(28, 28, doc.page.width - 56, doc.page.height - 56)
		.lineWidth(2)
		.stroke("#3b4fd8");
	doc.font("bold").fontSize(34).fillColor("#1b1f3b").text(title, 56, 80, centred);
	doc.moveDown(0.8).font("text").fontSize(15).fillColor("#333333");
	doc.text(t("certificate.certifies"), centred);
	// The name on one line: as large as fits, down to a size that still reads well.
	const name = drawable(certificate.trainee);
	let size = 30;
	doc.font("bold");
	while (size > 12 && doc.fontSize(size).widthOfString(name) > width) size -= 1;
	doc
		.moveDown(0.6)
		.fillColor("#1b1f3b")
		.text(name, { ...centred, lineBreak: size <= 12 });
	doc.moveDown(0.6).font("text").fontSize(15).fillColor("#333333");
	doc.text(t("certificate.passed"), centred);
	doc.moveDown(0.4).font("bold").fontSize(19).fillColor("#1b1f3b");
	doc.text(drawable(certificate.scenarioTitles[locale] ?? certificate.scenarioId), centred);
	doc.moveDown(0.6).font("text").fontSize(14).fillColor("#333333");
	doc.text(
		t("certificate.details", {
			cohort: drawable(certificate.cohortName),
			date: formatDay(locale, certificate.passedAt.slice(0, 10)),
			score: certificate.score,
			max: gradingNumbers().maxScore,
		}),
		centred,
	);
	doc
		.moveDown(1.2)
		.text(t("certificate.issuer", { issuer: drawable(certificate.issuer) }), centred);
	doc.font("text").fontSize(11).fillColor("#333333");
	doc.text(t("certificate.code", { code: certificate.code }), 56, doc.page.height - 118, centred);
	doc.fillColor("#3b4fd8").text(verifyUrl, { ...centred, link: verifyUrl, underline: true });
	doc.end();
	return done;
}
