import type { AttemptMode } from "../attempt/schema.ts";
import type { Locale } from "../text/locale.ts";

/**
 * The practice page's part of trainers' own scenarios: the ones offered to everyone, and a
 * trainer's preview of a draft. The first screen only shows their names, so it reads just those,
 * defensively, without the schema library; the whole scenario is checked with the scenario schema
 * when it starts (`Simulator.tsx`), as everything from outside is.
 */

/** A trainer's scenario as the picker offers it: its words in the page's language, and the data. */
export interface OwnChoice {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly kind: string;
	readonly difficulty: number;
	/** The published version, or undefined for a trainer's preview of a draft. */
	readonly version: number | undefined;
	/** The scenario as the server sent it, checked before it starts. */
	readonly scenario: unknown;
}

const text = (value: unknown, max: number) =>
	typeof value === "string" ? value.slice(0, max) : "";

/** One item of the server's answer as a choice, if it has words in `locale`. */
export function ownChoice(item: unknown, locale: Locale, version?: number): OwnChoice | undefined {
	const scenario = (item as { scenario?: unknown } | null)?.scenario;
	const s = scenario as {
		id?: unknown;
		kind?: unknown;
		difficulty?: unknown;
		texts?: Record<string, { title?: unknown; summary?: unknown } | undefined>;
	} | null;
	const words = s?.texts?.[locale];
	if (typeof s?.id !== "string" || words === undefined || text(words.title, 120) === "")
		return undefined;
	return {
		id: s.id,
		title: text(words.title, 120),
		summary: text(words.summary, 300),
		kind: s.kind === "recovery" || s.kind === "judgement" ? s.kind : "staging",
		difficulty: typeof s.difficulty === "number" ? s.difficulty : 1,
		version,
		scenario,
	};
}

/** The trainers' scenarios offered to everyone, in the page's language; none when offline. */
export async function publicScenarios(
	locale: Locale,
	doFetch: typeof fetch = fetch,
): Promise<OwnChoice[]> {
	try {
		const response = await doFetch("/api/scenarios/public", {
			headers: { Accept: "application/json" },
			signal: AbortSignal.timeout(10_000),
		});
		if (!response.ok) return [];
		const items = ((await response.json()) as { items?: unknown }).items;
		if (!Array.isArray(items)) return [];
		return items.flatMap((item: unknown) => {
			const version = (item as { version?: unknown } | null)?.version;
			const choice = ownChoice(item, locale, typeof version === "number" ? version : undefined);
			return choice === undefined || choice.version === undefined ? [] : [choice];
		});
	} catch {
		// A static host has no score server: the built-in scenarios are all there is.
		return [];
	}
}

/** Why a preview cannot open: not signed in as a trainer, no such draft, not a scenario yet. */
export type PreviewProblem = "sign-in" | "not-found" | "invalid" | "offline" | "language";

/** A trainer's draft to try on the practice page (modes that count nothing). */
export async function previewScenario(
	id: string,
	locale: Locale,
	doFetch: typeof fetch = fetch,
): Promise<
	{ ok: true; choice: OwnChoice } | { ok: false; problem: PreviewProblem; message?: string }
> {
	let response: Response;
	try {
		response = await doFetch(`/api/scenarios/${encodeURIComponent(id)}/draft`, {
			headers: { Accept: "application/json" },
			signal: AbortSignal.timeout(15_000),
		});
	} catch {
		return { ok: false, problem: "offline" };
	}
	if (response.status === 401) return { ok: false, problem: "sign-in" };
	if (response.status === 404) return { ok: false, problem: "not-found" };
	const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
	if (!response.ok) {
		return {
			ok: false,
			problem: response.status === 422 ? "invalid" : "offline",
			message: text(body?.message, 300),
		};
	}
	const choice = ownChoice(body, locale);
	return choice === undefined ? { ok: false, problem: "language" } : { ok: true, choice };
}

/** The modes a preview offers: nothing of it counts, so no assessment. */
export const previewModes: readonly AttemptMode[] = ["practice", "demo"];
