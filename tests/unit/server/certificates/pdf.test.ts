import { describe, expect, test } from "vitest";
import { certificatePdf, drawable } from "../../../../src/server/certificates/pdf.ts";
import type { Certificate } from "../../../../src/server/certificates/store.ts";
import { pdfText } from "../../support/pdf-text.ts";

const certificate: Certificate = {
	id: "ABCD2345",
	code: "ABCD-2345-WXYZ-6789",
	attemptId: "attempt-1",
	cohortId: "cohort-1",
	trainee: "Łukasz Ğüneş Ødegård Élodie 🎉",
	scenarioId: "first-handover",
	scenarioTitles: { de: "Erste Übergabe", en: "First handover" },
	cohortName: "Lager <b>Nord</b> (T) Tj",
	score: 96,
	passedAt: "2026-12-07T10:00:00.000Z",
	issuer: "Beispiel Partner GmbH",
	issuedAt: "2026-12-07T10:00:01.000Z",
};

describe("a certificate as PDF", () => {
	test("states the name exactly (the emoji visibly replaced), score, cohort, issuer and code", async () => {
		const url = "https://trainer.example/en/verify/ABCD-2345-WXYZ-6789/";
		const pdf = await certificatePdf(certificate, "en", url);
		expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
		const { text, title, pages, links } = await pdfText(pdf);
		expect(pages).toBe(1);
		expect(text).toContain("Łukasz Ğüneş Ødegård Élodie \uFFFD");
		expect(text).toContain("First handover");
		expect(text).toContain("96 of 100 points");
		expect(text).toContain("Lager <b>Nord</b> (T) Tj");
		expect(text).toContain("Issued by Beispiel Partner GmbH");
		expect(text).toContain("ABCD-2345-WXYZ-6789");
		expect(links).toEqual([url]);
		expect(title).toBe("Certificate: Łukasz Ğüneş Ødegård Élodie \uFFFD");
	});

	test("in German, in the trainee's language", async () => {
		const { text } = await pdfText(await certificatePdf(certificate, "de", "https://x.example/"));
		expect(text).toContain("Zertifikat");
		expect(text).toContain("96 von 100 Punkten");
		expect(text).toContain("Erste Übergabe");
	});

	test("what the font cannot draw, controls and direction marks, become a visible sign", () => {
		expect(drawable("Anna\u202E gpj.exe")).toBe("Anna\uFFFD gpj.exe");
		expect(drawable("Zoë\u200B Ł")).toBe("Zoë\uFFFD Ł");
		expect(drawable("a\nb")).toBe("a\uFFFDb");
		expect(drawable("Ayşe 😀🦄")).toBe("Ayşe 😀\uFFFD");
	});

	test("a long name is made smaller to fit one line, not cut", async () => {
		const long = {
			...certificate,
			trainee: "Maximiliane Wilhelmine Friederike Königsberger-Ostermann",
		};
		const { text } = await pdfText(await certificatePdf(long, "en", "https://x.example/"));
		expect(text).toContain(long.trainee);
	});
});
