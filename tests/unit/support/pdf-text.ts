import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A PDF's text and metadata as a reader gets them (Mozilla's pdf.js, as Firefox shows PDFs). */
export async function pdfText(bytes: Uint8Array): Promise<{
	text: string;
	title: string;
	pages: number;
	links: string[];
}> {
	const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 })
		.promise;
	const parts: string[] = [];
	const links: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const content = await page.getTextContent();
		for (const item of content.items) if ("str" in item) parts.push(item.str);
		for (const a of await page.getAnnotations()) if (typeof a.url === "string") links.push(a.url);
	}
	const meta = await doc.getMetadata();
	const title = String((meta.info as { Title?: unknown }).Title ?? "");
	const pages = doc.numPages;
	await doc.destroy();
	return { text: parts.join(" ").replace(/\s+/g, " "), title, pages, links };
}
