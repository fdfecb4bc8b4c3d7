import type { Translate } from "../../i18n/translator.ts";
import type { Attempt } from "../../simulator/attempt/schema.ts";
import { attemptScenario } from "../../simulator/attempt/grade.ts";
import type { Finding, GradeResult, StepResult } from "../../simulator/grading/index.ts";
import type { Action } from "../../simulator/model/actions.ts";
import type { Refusal } from "../../simulator/model/refusal.ts";
import { replay } from "../../simulator/model/replay.ts";
import { startPoint } from "../../simulator/scenarios/start.ts";

/** One row of an attempt's timeline, as the trainer sees it. */
export interface TimelineEntry {
	readonly number: number;
	readonly at: string;
	/** Time since the attempt started. */
	readonly offsetMs: number;
	readonly action: Action;
	/** The model's answer on replay (not the recorded one), or null if it was carried out. */
	readonly refusal: Refusal | null;
	readonly steps: readonly StepResult[];
	readonly findings: readonly Finding[];
}

/**
 * The attempt's actions with the model's answers, the steps each completed and the findings it
 * caused. Refusals come from replaying the log, so their texts carry the same details the trainee
 * saw.
 */
export function timeline(attempt: Attempt, grade: GradeResult): TimelineEntry[] {
	const scenario = attemptScenario(attempt);
	const outcomes =
		scenario === undefined
			? null
			: replay(startPoint(scenario, attempt.scenario.start).state, attempt.events).outcomes;
	const started = Date.parse(attempt.startedAt);
	return attempt.events.map((event, index) => {
		const recorded = event.outcome;
		const refusal =
			outcomes !== null
				? (outcomes[index] ?? null)
				: recorded === undefined || recorded === "ok"
					? null
					: { code: recorded };
		return {
			number: index + 1,
			at: event.at,
			offsetMs: Date.parse(event.at) - started,
			action: event.action,
			refusal,
			steps: grade.steps.filter((s) => s.event === index),
			findings: grade.findings.filter((f) => f.event === index),
		};
	});
}

/** Fields whose values are ids of a vocabulary with texts. */
const vocabulary: Readonly<Record<string, (value: string) => string>> = {
	roles: (v) => `roles.${v}.name`,
	trigger: (v) => `triggers.${v}`,
	kind: (v) => `integrationKinds.${v}`,
};

function translated(t: Translate, key: string, fallback: string): string {
	const text = t(key);
	return text === key ? fallback : text;
}

/** An action's fields as label and value, for the timeline (values cut at 200 characters). */
export function actionDetails(action: Action, t: Translate): { label: string; value: string }[] {
	const details: { label: string; value: string }[] = [];
	for (const [field, raw] of Object.entries(action)) {
		if (field === "type" || raw === undefined || raw === null) continue;
		const name = vocabulary[field];
		const one = (v: unknown) =>
			typeof v === "boolean"
				? t(v ? "trainer.attempt.yes" : "trainer.attempt.no")
				: name !== undefined && typeof v === "string"
					? translated(t, name(v), v)
					: String(v);
		const value = Array.isArray(raw) ? raw.map(one).join(", ") : one(raw);
		details.push({
			label: translated(t, `fields.${field}`, field),
			value: value.length > 200 ? `${value.slice(0, 199)}…` : value,
		});
	}
	return details;
}
