import { render } from "solid-js/web";
import type { Translate } from "../../text/locale.ts";
import { connectLms } from "../../client/lms-api.ts";
import { packageConfigSchema } from "../../lms/package-config.ts";
import type { Locale } from "../../text/locale.ts";
import PackageAssessment from "../lms/PackageAssessment.tsx";
import "../styles.css";
import "../lms/package.css";

/**
 * A SCORM package's launch page: reads what the packager wrote into it (`#st-package`), opens the
 * LMS's session and renders the assessment into `#st-root`. A page the packager did not write says
 * so instead of failing silently.
 */
export function mountPackage(locale: Locale, t: Translate): void {
	const root = document.getElementById("st-root");
	if (!root) return;
	let raw: unknown;
	try {
		raw = JSON.parse(document.getElementById("st-package")?.textContent ?? "");
	} catch {
		raw = undefined;
	}
	const config = packageConfigSchema.safeParse(raw);
	if (!config.success || config.data.locale !== locale) {
		root.textContent = t("ui.recovery.invalid");
		return;
	}
	const lms = connectLms(config.data.version);
	root.replaceChildren();
	render(() => <PackageAssessment locale={locale} t={t} config={config.data} lms={lms} />, root);
}
