import type { Translate } from "../../simulator/text/locale.ts";
import type { Attempt } from "../../simulator/attempt/schema.ts";
import { attemptScenario } from "../../simulator/attempt/grade.ts";
import { builtInScenarios, type ScenarioSource } from "../../simulator/scenarios/source.ts";
import type { Finding, GradeResult, StepResult } from "../../simulator/grading/index.ts";
import type { Action } from "../../simulator/model/actions.ts";
import type { Refusal } from "../../simulator/model/refusal.ts";
import { fullName } from "../../simulator/model/queries.ts";
import { replay } from "../../simulator/model/replay.ts";
import type { State } from "../../simulator/model/state.ts";
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
	/**
	 * What the trainee saw for each id the action names: the label's, configuration's or
	 * integration's name, or the user's name and address, from the account as it was just before.
	 */
	readonly names: Readonly<Record<string, string>>;
}

/** Names for the ids an action refers to, looked up in the account before it. */
function namesOf(state: State, action: Action): Record<string, string> {
	const names: Record<string, string> = {};
	const find = (items: readonly { id: string; name: string }[], id: unknown) =>
		items.find((item) => item.id === id)?.name;
	for (const [field, value] of Object.entries(action)) {
		const name =
			field === "labelId"
				? find(state.labels, value)
				: field === "configurationId"
					? find(state.configurations, value)
					: field === "integrationId"
						? find(state.integrations, value)
						: field === "userId"
							? (() => {
									const user = state.users.find((u) => u.id === value);
									return user && `${fullName(user)} <${user.email}>`;
								})()
							: undefined;
		if (name !== undefined) names[field] = name;
	}
	return names;
}

/**
 * The attempt's actions with the model's answers, the steps each completed and the findings it
 * caused. Refusals come from replaying the log, so their texts carry the same details the trainee
 * saw.
 */
export function timeline(
	attempt: Attempt,
	grade: GradeResult,
	source: ScenarioSource = builtInScenarios,
): TimelineEntry[] {
	const scenario = attemptScenario(attempt, source);
	const before: State[] = [];
	const outcomes =
		scenario === undefined
			? null
			: replay(startPoint(scenario, attempt.scenario.start).state, attempt.events, (state) =>
					before.push(state),
				).outcomes;
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
			names: before[index] === undefined ? {} : namesOf(before[index], event.action),
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

/**
 * An action's fields as label and value, for the timeline (values cut at 200 characters). An id
 * shows as the name the trainee saw (`names`); an id with no name is left as it is.
 */
export function actionDetails(
	action: Action,
	t: Translate,
	names: Readonly<Record<string, string>> = {},
): { label: string; value: string }[] {
	const details: { label: string; value: string }[] = [];
	for (const [field, raw] of Object.entries(action)) {
		if (field === "type" || raw === undefined) continue;
		if (raw === null) {
			// The one null field: an integration that feeds no configuration.
			if (field === "configurationId") {
				details.push({
					label: translated(t, `fields.${field}`, field),
					value: t("ui.integrations.none"),
				});
			}
			continue;
		}
		const named = names[field];
		if (named !== undefined) {
			details.push({ label: translated(t, `fields.${field}`, field), value: cut(named) });
			continue;
		}
		const name = vocabulary[field];
		const one = (v: unknown) =>
			typeof v === "boolean"
				? t(v ? "trainer.attempt.yes" : "trainer.attempt.no")
				: name !== undefined && typeof v === "string"
					? translated(t, name(v), v)
					: String(v);
		const value = Array.isArray(raw) ? raw.map(one).join(", ") : one(raw);
		details.push({ label: translated(t, `fields.${field}`, field), value: cut(value) });
	}
	return details;
}

function cut(value: string): string {
	return value.length > 200 ? `${value.slice(0, 199)}…` : value;
}
