import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { cohortPackage } from "../../../../src/server/lms/download.ts";
import { actingOf } from "./acting.ts";
import { stores } from "../support.ts";

/**
 * The dashboard's SCORM download, from a runtime written here by hand (the real one is built by
 * `npm run build`; the browser test packages and runs that one in an LMS).
 */
function runtimeDir(): string {
	const root = mkdtempSync(join(tmpdir(), "staging-trainer-lms-runtime-"));
	for (const locale of ["de", "en"]) {
		mkdirSync(join(root, locale, "assets"), { recursive: true });
		writeFileSync(join(root, locale, "assets", "app-x1.js"), `console.log("${locale}")`);
		writeFileSync(join(root, locale, "assets", "app-x1.css"), "body{}");
		writeFileSync(
			join(root, locale, "runtime.json"),
			JSON.stringify({ locale, entry: "assets/app-x1.js", styles: ["assets/app-x1.css"] }),
		);
	}
	return root;
}

const settings = {
	name: `Lager <script>"Nord"</script>`,
	code: "",
	scenarios: ["warehouse-integrations"],
	practice: false,
	sameSeed: true,
	opensOn: "2026-12-01",
	closesOn: "2026-12-31",
	attemptLimit: null,
	collectPractice: false,
	certificate: false,
};

describe.each(stores)("$name store", ({ context }) => {
	test("builds the cohort's package in memory, with the manifest and launch page, and audits it", async () => {
		const ctx = await context({ lmsRuntimeDir: runtimeDir() });
		const acting = await actingOf(ctx);
		const cohort = await ctx.cohorts.create(settings, new Date(), acting.trainer.id);
		if (cohort === "taken") throw new Error("taken");
		const params = new URLSearchParams({ version: "2004", lang: "en" });
		const answer = await cohortPackage(ctx, cohort, params, acting);
		if (!answer.ok) throw new Error(answer.problem);
		const files = unzipSync(answer.package.zip);
		expect(Object.keys(files).sort()).toEqual([
			"assets/app-x1.css",
			"assets/app-x1.js",
			"imsmanifest.xml",
			"index.html",
		]);
		const manifest = new TextDecoder().decode(files["imsmanifest.xml"]);
		expect(manifest).toContain("ADL SCORM");
		expect(manifest).toContain("2004");
		expect(manifest).toContain("&lt;script&gt;&quot;Nord&quot;&lt;/script&gt;");
		const html = new TextDecoder().decode(files["index.html"]);
		expect(html).toContain(`"joinCode":"${cohort.code}"`);
		expect(html).toContain(`"seed":${cohort.seed}`);
		expect(html).toContain('<html lang="en"');
		expect(answer.package.fileName).toBe(
			`staging-trainer-${cohort.code}-warehouse-integrations-en-scorm2004.zip`,
		);
		expect(await ctx.audit.list({ action: "scorm-exported" })).toMatchObject([
			{ targetType: "cohort", targetId: cohort.id, details: { version: "2004", lang: "en" } },
		]);
	});

	test("refuses what it cannot package, with the reason, and records nothing", async () => {
		const ctx = await context({ lmsRuntimeDir: runtimeDir() });
		const acting = await actingOf(ctx);
		const cohort = await ctx.cohorts.create(settings, new Date(), acting.trainer.id);
		if (cohort === "taken") throw new Error("taken");
		const problem = async (params: Record<string, string>, of = cohort) => {
			const answer = await cohortPackage(ctx, of, new URLSearchParams(params), acting);
			return answer.ok ? "ok" : answer.problem;
		};
		expect(await problem({ version: "3", lang: "de" })).toBe("version");
		expect(await problem({ version: "1.2", lang: "fr" })).toBe("language");
		expect(await problem({ version: "1.2", lang: "de", scenario: "first-handover" })).toBe(
			"scenario",
		);
		expect(await problem({ version: "1.2", lang: "de" }, { ...cohort, scenarios: [] })).toBe(
			"no-scenario",
		);
		const bare = await context({ lmsRuntimeDir: join(tmpdir(), "no-such-runtime") });
		const answer = await cohortPackage(
			bare,
			cohort,
			new URLSearchParams({ version: "1.2", lang: "de" }),
			acting,
		);
		expect(answer).toEqual({ ok: false, problem: "no-runtime" });
		expect(await ctx.audit.list({ action: "scorm-exported" })).toEqual([]);
	});
});
