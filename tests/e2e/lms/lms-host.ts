import { readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { expect, type Frame, type Page } from "@playwright/test";
import { decodeCompletionCode } from "../../../src/simulator/attempt/completion-code.ts";

/**
 * An LMS for a SCORM package: scorm-again (the run-time library LMS vendors embed) provides the
 * API in a host page, which frames the unzipped package from a sub-path, as an LMS does.
 * Everything is served through routes of the test's own, so no server is involved.
 */

const repo = new URL("../../../", import.meta.url).pathname;
export const learner = { id: "u-1001", name: "Beispiel, Jana" };
export const origin = "http://lms.test";
export const contentPath = "/lms/content/abc/";

export type Version = "1.2" | "2004";

export const types: Record<string, string> = {
	".html": "text/html",
	".js": "text/javascript",
	".css": "text/css",
	".xml": "application/xml",
};

/** The host page: scorm-again's API for the version, with the learner (or the saved data) loaded. */
function hostPage(version: Version): string {
	const [global, name, id] =
		version === "1.2"
			? ["API", "cmi.core.student_name", "cmi.core.student_id"]
			: ["API_1484_11", "cmi.learner_name", "cmi.learner_id"];
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title>
<script src="/lms/scorm-again.js"></script>
<script>
	const saved = JSON.parse(sessionStorage.getItem("lms-launch") || "null");
	const settings = { autocommit: false, logLevel: 5 };
	const api = ${version === "1.2" ? "new Scorm12API(settings)" : "new Scorm2004API(settings)"};
	api.loadFromFlattenedJSON(saved ?? { ${JSON.stringify(name)}: ${JSON.stringify(learner.name)}, ${JSON.stringify(id)}: ${JSON.stringify(learner.id)} });
	window.${global} = api;
	window.lmsRecord = () => api.getFlattenedCMI();
</script></head>
<body><iframe title="Course" src="${contentPath}index.html" style="width:100%;height:95vh;border:0"></iframe></body></html>`;
}

export async function openLms(
	page: Page,
	version: Version,
	files: Map<string, Uint8Array>,
): Promise<Frame> {
	const library = readFileSync(
		join(
			repo,
			`node_modules/scorm-again/dist/${version === "1.2" ? "scorm12" : "scorm2004"}.min.js`,
		),
	);
	await page.route(`${origin}/**`, (route) => {
		const path = new URL(route.request().url()).pathname;
		if (path === "/lms/host.html") {
			return route.fulfill({ contentType: "text/html", body: hostPage(version) });
		}
		if (path === "/lms/scorm-again.js") {
			return route.fulfill({ contentType: "text/javascript", body: library });
		}
		const file = path.startsWith(contentPath)
			? files.get(decodeURIComponent(path.slice(contentPath.length)))
			: undefined;
		if (!file) return route.fulfill({ status: 404, body: "not in the package" });
		return route.fulfill({
			contentType: types[extname(path)] ?? "application/octet-stream",
			body: Buffer.from(file),
		});
	});
	await page.goto(`${origin}/lms/host.html`);
	const frame = page.frame({ url: new RegExp(`${contentPath}index\\.html$`) });
	if (!frame) throw new Error("the package's frame did not load");
	return frame;
}

export const record = (page: Page) =>
	page.evaluate(() => (window as unknown as { lmsRecord(): Record<string, unknown> }).lmsRecord());
export const text = (value: unknown) =>
	value === undefined || value === null ? "" : String(value);

/** The attempt the LMS keeps for the learner (its saved data), once the package has saved it. */
export async function lmsAttempt(page: Page) {
	let events = -1;
	let found: Awaited<ReturnType<typeof decodeCompletionCode>> | undefined;
	await expect
		.poll(async () => {
			const saved = text((await record(page))["cmi.suspend_data"]);
			found = saved ? await decodeCompletionCode(saved) : undefined;
			events = found?.ok ? found.attempt.events.length : -1;
			return events >= 0;
		})
		.toBe(true);
	if (!found?.ok) throw new Error("the LMS holds no attempt");
	return found.attempt;
}
