import type { StepId } from "../process/steps.ts";

/**
 * The grading rubric as data: the trainers' page renders it, the grader applies it. Each rule deducts
 * `points` per finding, at most `cap` in all. Texts: `rubric.<id>` (the rule, for trainers) and
 * `findings.<id>` (what went wrong in an attempt, and why).
 */

export const severities = ["critical", "major", "minor"] as const;
export type Severity = (typeof severities)[number];

export interface RubricRule {
	readonly id: string;
	readonly severity: Severity;
	/** Points deducted per finding of this rule. */
	readonly points: number;
	/** Most points this rule can deduct in one attempt. */
	readonly cap: number;
	/** The step the rule concerns (its guide anchor), or null for the attempt as a whole. */
	readonly step: StepId | null;
	/** "history": judged on the order of events; "end-state": judged on the final account. */
	readonly judged: "history" | "end-state";
	readonly titleKey: string;
	readonly messageKey: string;
}

function rule<const Id extends string>(
	id: Id,
	severity: Severity,
	step: StepId | null,
	judged: RubricRule["judged"],
	points: number,
	cap = points,
): RubricRule & { readonly id: Id } {
	return {
		id,
		severity,
		points,
		cap,
		step,
		judged,
		titleKey: `rubric.${id}`,
		messageKey: `findings.${id}`,
	};
}

/** The score of an attempt without findings; deductions count down from it. */
export const maxScore = 100;
/** Score needed to pass, besides no critical finding and every end-state check met. */
export const passMark = 80;
/** Refused actions that cost nothing: trying a button and reading the message is part of learning. */
export const refusalAllowance = 3;

export const rubric = [
	// critical: never a pass
	rule("account-not-ordered", "critical", "order-account", "end-state", maxScore),
	rule("order-foreign-address", "critical", "order-account", "end-state", 40),
	rule("invited-before-preparation", "critical", "prepare-environment", "history", 40),
	rule("stepped-down-too-early", "critical", "step-down-to-service-provider", "history", 40),
	rule("customer-not-administrator", "critical", "grant-administration", "end-state", 40),
	rule("partner-still-administrator", "critical", "step-down-to-service-provider", "end-state", 40),
	rule(
		"partner-not-service-provider",
		"critical",
		"step-down-to-service-provider",
		"end-state",
		40,
	),
	// major
	rule("order-note-missing", "major", "order-account", "end-state", 15),
	rule("label-missing", "major", "design-labels", "end-state", 15, 45),
	rule("label-wrong", "major", "design-labels", "end-state", 10, 30),
	rule("configuration-missing", "major", "build-configurations", "end-state", 15, 45),
	rule("configuration-wrong", "major", "build-configurations", "end-state", 10, 30),
	rule("integration-missing", "major", "configure-data-integrations", "end-state", 15, 45),
	rule("integration-wrong", "major", "configure-data-integrations", "end-state", 10, 30),
	rule("user-missing", "major", "add-users-and-roles", "end-state", 15, 45),
	rule("user-wrong-roles", "major", "add-users-and-roles", "end-state", 10, 30),
	rule("customer-not-invited", "major", "send-invitation", "end-state", 15),
	rule("invited-wrong-address", "major", "invite-guest-user", "history", 15, 30),
	rule("invited-wrong-roles", "major", "grant-administration", "history", 15),
	rule("unknown-user-remains", "major", "invite-guest-user", "end-state", 10, 30),
	rule("recipients-missing-customer", "major", "edit-notification-recipients", "end-state", 15, 30),
	rule("recipients-include-partner", "major", "edit-notification-recipients", "end-state", 15),
	// minor
	rule("notifications-before-handover", "minor", "set-up-notifications", "history", 5),
	rule("refusals-beyond-allowance", "minor", null, "history", 2, 10),
	rule("hints-used", "minor", null, "history", 2, 10),
];

export type RuleId = (typeof rubric)[number]["id"];

const byId = new Map<string, RubricRule>(rubric.map((r) => [r.id, r]));

export function ruleOf(id: RuleId): RubricRule {
	return byId.get(id) as RubricRule;
}

/** The grading numbers texts state; the UI passes these as message parameters, never literals. */
export interface GradingNumbers {
	readonly maxScore: number;
	readonly passMark: number;
	readonly refusalAllowance: number;
	readonly hintPoints: number;
	readonly hintCap: number;
}

/** The numbers of a rubric (the real one by default; tests pass altered ones). */
export function gradingNumbers(
	rules: readonly RubricRule[] = rubric,
	numbers: Pick<GradingNumbers, "maxScore" | "passMark" | "refusalAllowance"> = {
		maxScore,
		passMark,
		refusalAllowance,
	},
): GradingNumbers {
	const hints = rules.find((r) => r.id === "hints-used");
	return { ...numbers, hintPoints: hints?.points ?? 0, hintCap: hints?.cap ?? 0 };
}
