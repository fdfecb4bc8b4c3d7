import { locales, type Locale, type Translate } from "../text/locale.ts";
import type { Scenario } from "./schema.ts";

/** The words of a scenario a trainee reads: its title and summary in the picker, its brief. */
export type ScenarioTextPart = "title" | "summary" | "brief";

/**
 * A scenario's title, summary or brief template in one language. A built-in scenario's come from
 * the i18n files through `t`; a trainer's own scenario carries its own. Placeholders stay as they
 * are here (`renderBrief` fills them).
 */
export function scenarioText(
	s: Pick<Scenario, "id" | "texts">,
	part: ScenarioTextPart,
	locale: Locale,
	t: Translate,
): string {
	if (s.texts === undefined) return t(`scenarios.${s.id}.${part}`);
	return s.texts[locale]?.[part] ?? "";
}

/** The languages a scenario is offered in: every one for a built-in, those with texts for an own. */
export function scenarioLocales(s: Pick<Scenario, "texts">): Locale[] {
	const texts = s.texts;
	return texts === undefined ? [...locales] : locales.filter((l) => texts[l] !== undefined);
}
