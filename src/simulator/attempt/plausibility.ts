import type { Action } from "../model/actions.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { solution } from "../scenarios/solution.ts";
import { referenceSpacingMs } from "../scenarios/solve.ts";
import type { Attempt } from "./schema.ts";

/**
 * Signs that an attempt was not worked through by a person at a screen. They mark an attempt for
 * the trainer to look at; they never change its grade or refuse it, since a flag can be wrong.
 */
export const plausibilityFlags = ["too-fast", "events-outside-window", "reference-timing"] as const;
export type PlausibilityFlag = (typeof plausibilityFlags)[number];

/** The floor's parts in milliseconds; OPERATING.md states them (a test holds the two together). */
export const floorMs = { action: 1500, item: 250, character: 80 } as const;

/**
 * The least time a person needs for a log of actions, modelled, not measured: a second and a half
 * an action (find the page, open the dialog, press the button), a quarter second a ticked role,
 * and 80 ms a typed character (150 words a minute, a very fast typist). Real runs take several
 * times longer; the floor only catches logs no one typed.
 */
export function humanFloorMs(actions: readonly Action[]): number {
	const { action: perAction, item: perItem, character: perCharacter } = floorMs;
	let ms = 0;
	for (const action of actions) {
		ms += perAction;
		for (const value of Object.values(action)) {
			if (typeof value === "string" && value !== action.type) ms += perCharacter * value.length;
			if (Array.isArray(value)) {
				for (const item of value) {
					ms += typeof item === "string" ? perItem + perCharacter * item.length : perItem;
				}
			}
		}
	}
	return ms;
}

/** The floor of a concrete scenario from an attempt's start point: its reference solution's. */
export function referenceFloorMs(scenario: Scenario, start: Attempt["scenario"]["start"]): number {
	return humanFloorMs(solution(scenario, start).map((e) => e.action));
}

/** How much a browser's clock may differ from the server's before an event counts as outside. */
export const clockSkewMs = 5 * 60_000;

/**
 * The flags of an attempt. `served` is when the server issued and received it; without one (a
 * self-reported attempt) the attempt's own start and finish stand in. `floorMs` is the scenario's
 * `humanFloorMs` of its reference solution.
 */
export function flagsOf(
	attempt: Attempt,
	floorMs: number,
	served: { readonly startedAt: string; readonly finishedAt: string } | null,
): PlausibilityFlag[] {
	const flags: PlausibilityFlag[] = [];
	const started = Date.parse(served?.startedAt ?? attempt.startedAt);
	const finished = Date.parse(served?.finishedAt ?? attempt.finishedAt ?? attempt.startedAt);
	const times = attempt.events.map((e) => Date.parse(e.at));
	if (attempt.events.length > 0 && finished - started < floorMs) flags.push("too-fast");
	if (
		served !== null &&
		times.some((t) => t < started - clockSkewMs || t > finished + clockSkewMs)
	) {
		flags.push("events-outside-window");
	}
	// The reference solution's log is spaced exactly one minute apart; no person keeps that beat.
	const spacing = times.slice(1).map((t, i) => t - (times[i] as number));
	if (spacing.length >= 2 && spacing.every((d) => d === referenceSpacingMs)) {
		flags.push("reference-timing");
	}
	return flags;
}
