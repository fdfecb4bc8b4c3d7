import { createTranslator } from "../../../i18n/i18n-core.ts";
import Exercise from "../Exercise.tsx";
import { exerciseProps, mountIslands } from "./mount.tsx";

// The one-step exercises of a guide page. The page's language picks the texts, each language in its
// own chunk, so a page loads only its own; they load while this file's imports do.
const locale = document.documentElement.lang === "en" ? "en" : "de";
const messages = await (locale === "en"
	? import("../../../i18n/en-browser.ts")
	: import("../../../i18n/de-browser.ts"));
const t = createTranslator(messages);
mountIslands("exercise", (element) => (
	<Exercise locale={locale} t={t} {...exerciseProps(element)} />
));
