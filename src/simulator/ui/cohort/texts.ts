import cohortDe from "../../../i18n/cohort-de.json";
import cohortEn from "../../../i18n/cohort-en.json";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import { type Translate } from "../../text/locale.ts";
import type { Sim } from "../context.tsx";

/**
 * The trainee's cohort texts in the page's language (`cohort-<locale>.json`). They load with the
 * cohort panel and the submission, not with the practice page's first screen.
 */
export function cohortTexts(sim: Pick<Sim, "locale">): Translate {
	return createTranslator(sim.locale === "de" ? cohortDe : cohortEn);
}
