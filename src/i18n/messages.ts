import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };
import cohortDe from "./cohort-de.json" with { type: "json" };
import cohortEn from "./cohort-en.json" with { type: "json" };
import whyDe from "./why-de.json" with { type: "json" };
import whyEn from "./why-en.json" with { type: "json" };

/**
 * Every message of both languages, as i18next addresses them. The "why" of each step lives in its
 * own file (`why-<locale>.json`, here under `stepWhy`) because the guide renders it at build time
 * and only the demo's lazily loaded code needs it in the browser; kept inside de.json it would ride
 * along with every practice page's JavaScript. The trainee's cohort texts (`cohort-<locale>.json`,
 * under `cohort`) are kept apart for the same reason: only the cohort panel loads them.
 */
export const messages = {
	de: { ...de, stepWhy: whyDe, cohort: cohortDe },
	en: { ...en, stepWhy: whyEn, cohort: cohortEn },
} as const;
