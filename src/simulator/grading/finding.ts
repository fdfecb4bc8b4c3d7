import type { Difference } from "../process/checks.ts";
import type { StepId } from "../process/steps.ts";

export type { Difference, DifferenceAspect } from "../process/checks.ts";
import { ruleOf, type RuleId, type Severity } from "./rubric.ts";

export type FindingParams = Readonly<Record<string, string | number>>;

/** One thing an attempt did wrong, with everything the UI needs to explain it. */
export interface Finding {
	/** Stable id: the rule id, plus `/<subject>` when a rule can apply to several items. */
	readonly id: string;
	readonly rule: RuleId;
	/** The step concerned (the guide anchor to link), or null for the attempt as a whole. */
	readonly step: StepId | null;
	readonly severity: Severity;
	/** Interpolation values for the message (i18next `{{name}}` syntax). */
	readonly params: FindingParams;
	/** `findings.<rule>` in the i18n files. */
	readonly messageKey: string;
	/** Points this finding deducts before the rule's cap. */
	readonly points: number;
	/**
	 * Index of the trainee's event that caused it: the event itself for history rules, the last
	 * action on the item or step for end-state rules; null if the trainee never touched it.
	 */
	readonly event: number | null;
	/** Expected against actual, for findings about an item that exists but differs. */
	readonly differences?: readonly Difference[];
}

export function finding(
	rule: RuleId,
	options: {
		subject?: string;
		step?: StepId | null;
		params?: FindingParams;
		points?: number;
		event?: number | null;
		differences?: readonly Difference[];
	} = {},
): Finding {
	const r = ruleOf(rule);
	return {
		...(options.differences === undefined ? {} : { differences: options.differences }),
		id: options.subject === undefined ? rule : `${rule}/${options.subject}`,
		rule,
		step: options.step === undefined ? r.step : options.step,
		severity: r.severity,
		params: options.params ?? {},
		messageKey: r.messageKey,
		points: options.points ?? r.points,
		event: options.event ?? null,
	};
}
