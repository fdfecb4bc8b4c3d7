/**
 * `&`, `<`, `>`, `"` and `'` as character references: safe as element text and in attributes, in
 * HTML and in XML alike (the guide's `<title>`, a SCORM package's launch page and manifest).
 */
export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
	);
}
