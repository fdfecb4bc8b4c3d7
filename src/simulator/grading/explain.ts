import type { Translate } from "../text/locale.ts";
import type { DifferenceAspect, Finding } from "./finding.ts";

/** Vocabulary ids that have texts; other aspects hold names and values shown as they are. */
const vocabulary: Partial<Record<DifferenceAspect, (id: string) => string>> = {
	trigger: (id) => `triggers.${id}`,
	kind: (id) => `integrationKinds.${id}`,
	roles: (id) => `roles.${id}.name`,
	status: (id) => `configurationStatus.${id}`,
};

/**
 * The text of a finding in one language. One owner for it, so the coach, the results and the
 * trainer's view say the same: a `step` parameter is a step id and is shown as the step's title.
 */
export function findingMessage(t: Translate, f: Finding): string {
	const params: Record<string, unknown> = { ...f.params };
	if (typeof params["step"] === "string") params["step"] = t(`steps.${params["step"]}.title`);
	return t(f.messageKey, params);
}

/** One side of a difference as text: translated vocabulary, names verbatim, "none" if empty. */
export function differenceValue(
	t: Translate,
	aspect: DifferenceAspect,
	values: readonly string[],
): string {
	if (values.length === 0) return t("grading.difference.none");
	const key = vocabulary[aspect];
	return values.map((v) => (key === undefined ? v : t(key(v)))).join(", ");
}

/** Every difference of a finding as aspect, expected and actual text. */
export function differenceRows(
	t: Translate,
	f: Finding,
): { readonly aspect: string; readonly expected: string; readonly actual: string }[] {
	return (f.differences ?? []).map((d) => ({
		aspect: t(`grading.difference.${d.aspect}`),
		expected: differenceValue(t, d.aspect, d.expected),
		actual: differenceValue(t, d.aspect, d.actual),
	}));
}
