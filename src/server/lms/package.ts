import { zipSync } from "fflate";
import { translator } from "../../i18n/translator.ts";
import { manifestXml } from "../../simulator/lms/manifest.ts";
import type { PackageConfig } from "../../simulator/lms/package-config.ts";
import type { ScormVersion } from "../../simulator/lms/scorm.ts";
import { scenarioText } from "../../simulator/scenarios/texts.ts";
import { escapeHtml } from "../../simulator/text/escape.ts";
import type { Locale } from "../../simulator/text/locale.ts";
import type { ScenarioVersion } from "../scenarios/store.ts";
import type { LmsRuntime } from "./runtime.ts";

/**
 * A SCORM package of one assessment, built in memory from the simulator's runtime: the launch
 * page (its config, stylesheets and script, all relative), the runtime's files and the manifest.
 * The dashboard's download and `npm run package:scorm` both build their zip here.
 */
export interface PackageOptions {
	readonly scenarioId: string;
	readonly locale: Locale;
	/** A fixed variant, or null: each learner's own, from the LMS's learner id. */
	readonly seed: number | null;
	readonly version: ScormVersion;
	/** The cohort the package is for: its code goes with each attempt, its name in the title. */
	readonly cohort?: { readonly code: string; readonly name: string } | undefined;
	/** A trainer's own scenario, at the version packaged. */
	readonly own?: ScenarioVersion | undefined;
}

export interface ScormPackage {
	readonly zip: Uint8Array;
	/** The manifest's identifier, also the package's stored session in the browser. */
	readonly id: string;
	/** A file name for the zip, from the same parts. */
	readonly fileName: string;
	/** Files in the zip, the manifest included. */
	readonly files: number;
}

function packageId(options: PackageOptions): string {
	return options.cohort
		? `staging-trainer-${options.cohort.code}-${options.scenarioId}-${options.locale}`.replace(
				/[^A-Za-z0-9._-]/g,
				"-",
			)
		: `staging-trainer-${options.scenarioId}-${options.locale}-${options.seed ?? "learner"}`;
}

/** The zip's usual name: `staging-trainer-[<code>-]<scenario>-<lang>-scorm12.zip`. */
export function packageFileName(options: PackageOptions): string {
	const cohort = options.cohort ? `${options.cohort.code}-` : "";
	return `staging-trainer-${cohort}${options.scenarioId}-${options.locale}-scorm${options.version.replace(".", "")}.zip`.replace(
		/[^A-Za-z0-9._-]/g,
		"-",
	);
}

function launchPage(options: PackageOptions, runtime: LmsRuntime, id: string, title: string) {
	const config: PackageConfig = {
		id,
		scenarioId: options.scenarioId,
		seed: options.seed,
		locale: options.locale,
		version: options.version,
		...(options.cohort ? { joinCode: options.cohort.code } : {}),
		...(options.own
			? { own: { version: options.own.version, scenario: options.own.scenario } }
			: {}),
	};
	// JSON inside <script>: "<" escaped so no value can close the element.
	const json = JSON.stringify(config).replace(/</g, "\\u003c");
	const styles = runtime.manifest.styles
		.map((css) => `\t\t<link rel="stylesheet" href="${escapeHtml(css)}" />`)
		.join("\n");
	return `<!doctype html>
<html lang="${options.locale}" data-theme="light">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		<title>${escapeHtml(title)}</title>
${styles}
		<script type="application/json" id="st-package">${json}</script>
		<script type="module" src="${escapeHtml(runtime.manifest.entry)}"></script>
	</head>
	<body>
		<main id="st-root"><p>${escapeHtml(translator(options.locale)("ui.common.loading"))}</p></main>
	</body>
</html>
`;
}

export function scormPackage(options: PackageOptions, runtime: LmsRuntime): ScormPackage {
	if (runtime.manifest.locale !== options.locale) {
		throw new Error(`a ${runtime.manifest.locale} runtime for a ${options.locale} package`);
	}
	const id = packageId(options);
	const t = translator(options.locale);
	const title = scenarioText(
		options.own?.scenario ?? { id: options.scenarioId },
		"title",
		options.locale,
		t,
	);
	const files = new Map(runtime.files);
	files.set("index.html", new TextEncoder().encode(launchPage(options, runtime, id, title)));
	const names = [...files.keys()].sort();
	// The title is written into XML by manifestXml, escaped there: a cohort's name is the trainer's.
	const manifest = manifestXml({
		version: options.version,
		identifier: id,
		title: `Staging Trainer: ${title}${options.cohort ? ` – ${options.cohort.name}` : ""}`,
		launch: "index.html",
		files: names,
	});
	const zip = zipSync({
		"imsmanifest.xml": new TextEncoder().encode(manifest),
		...Object.fromEntries(names.map((f) => [f, files.get(f) as Uint8Array])),
	});
	return { zip, id, fileName: packageFileName(options), files: names.length + 1 };
}
