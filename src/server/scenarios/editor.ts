import { translator } from "../../i18n/translator.ts";
import {
	proveScenario,
	type ProofProblem,
	type ProofResult,
} from "../../simulator/proofs/prove.ts";
import { draftOfScenario, scenarioOfDraft, type Draft } from "../../simulator/scenarios/draft.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";
import { scenarioSchema } from "../../simulator/scenarios/schema.ts";
import { locales, type Locale } from "../../simulator/text/locale.ts";
import type { ServerContext } from "../context.ts";
import type { OwnScenario, Published, Saved } from "./store.ts";
import { mayAccess } from "../access/accounts.ts";
import type { Acting } from "../access/sign-in.ts";

/**
 * What the dashboard's scenario editor does beyond storing: prove a draft (the same proofs as the
 * tests and `npm run scenario:check`), publish it only when they all pass, start a draft from a
 * copy or a file, and name a scenario in lists.
 */

const translators = { de: translator("de"), en: translator("en") };

/** Proofs of the last drafts looked at: a draft is shown again after every save and reload. */
const proved = new Map<string, ProofResult>();
const maxProved = 50;

/** The proofs of a draft, as the scenario it would be published as. */
export function proveDraft(id: string, draft: Draft): ProofResult {
	const key = `${id}\u0000${JSON.stringify(draft)}`;
	const cached = proved.get(key);
	if (cached !== undefined) return cached;
	const result = proveScenario(scenarioOfDraft(id, draft), { translators });
	if (proved.size >= maxProved) proved.delete(proved.keys().next().value as string);
	proved.set(key, result);
	return result;
}

/** A proof problem's field as the editor names its controls: `labels.2.printer`. */
export const fieldOf = (problem: Pick<ProofProblem, "path">): string => problem.path.join(".");

/** A draft's schema problems by the field they belong to (`""` for the scenario as a whole). */
export function problemsByField(result: ProofResult): Map<string, ProofProblem[]> {
	const byField = new Map<string, ProofProblem[]>();
	for (const problem of result.proofs[0]?.problems ?? []) {
		const field = fieldOf(problem);
		byField.set(field, [...(byField.get(field) ?? []), problem]);
	}
	return byField;
}

export type PublishAnswer =
	Published | { readonly ok: false; readonly reason: "unproved"; readonly result: ProofResult };

/**
 * The trainer's scenario `id` names, if `acting` may see it (its owner, or an administrator);
 * undefined otherwise, so another trainer's scenario answers as a missing one.
 */
export async function visibleScenario(
	ctx: Pick<ServerContext, "scenarios">,
	id: string | undefined,
	acting: Pick<Acting, "trainer">,
): Promise<OwnScenario | undefined> {
	const own = id === undefined ? undefined : await ctx.scenarios.get(id);
	return own !== undefined && mayAccess(acting.trainer, own) ? own : undefined;
}

/** Publishes the draft saved at `revision`, if every proof passes on it. */
export async function publishDraft(
	ctx: Pick<ServerContext, "scenarios">,
	id: string,
	revision: number,
	now: Date,
): Promise<PublishAnswer> {
	const current = await ctx.scenarios.get(id);
	if (current === undefined) return { ok: false, reason: "not-found" };
	if (current.revision !== revision) return { ok: false, reason: "conflict", current };
	const result = proveDraft(id, current.draft);
	if (!result.passed || result.scenario === undefined)
		return { ok: false, reason: "unproved", result };
	return ctx.scenarios.publish(id, result.scenario, revision, now);
}

/** Saves what the trainer typed, if nobody saved in between. */
export function saveDraft(
	ctx: Pick<ServerContext, "scenarios">,
	id: string,
	draft: Draft,
	revision: number,
	now: Date,
): Promise<Saved> {
	return ctx.scenarios.saveDraft(id, draft, revision, now);
}

/** A built-in scenario's words in both languages, from the texts, for a copy of it. */
function builtInTexts(id: string) {
	const texts = {} as Record<Locale, { title: string; summary: string; brief: string }>;
	for (const locale of locales) {
		const t = translators[locale];
		texts[locale] = {
			title: t(`scenarios.${id}.title`),
			summary: t(`scenarios.${id}.summary`),
			brief: t(`scenarios.${id}.brief`),
		};
	}
	return texts;
}

/** What a copy starts from: a built-in scenario, or a trainer's (its draft as it is now). */
export async function copyOf(
	ctx: Pick<ServerContext, "scenarios">,
	from: string,
	locale: Locale,
): Promise<{ draft: Draft; name: string } | undefined> {
	const builtIn = getScenario(from);
	if (builtIn !== undefined) {
		const texts = builtInTexts(from);
		return { draft: draftOfScenario(builtIn, texts), name: texts[locale].title };
	}
	const own = await ctx.scenarios.get(from);
	return own === undefined
		? undefined
		: { draft: structuredClone(own.draft), name: titleOf(own, locale) };
}

/** A scenario file, as exported, read into a draft; or the problems that stop it, one a line. */
export function draftOfFile(
	text: string,
): { ok: true; draft: Draft; name: string } | { ok: false; problems: string[] } {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return { ok: false, problems: [`not valid JSON: ${(error as Error).message}`] };
	}
	const parsed = scenarioSchema.safeParse(value);
	if (!parsed.success) {
		return {
			ok: false,
			problems: parsed.error.issues.map(
				(i) => `${i.path.map(String).join(".") || "scenario"}: ${i.message}`,
			),
		};
	}
	const s = parsed.data;
	const builtIn =
		s.texts === undefined && getScenario(s.id) !== undefined ? builtInTexts(s.id) : undefined;
	const draft = draftOfScenario(s, builtIn);
	return { ok: true, draft, name: draft.texts.de.title || draft.texts.en.title || s.id };
}

/** The file a scenario is exported as: its draft as a scenario, naming the site's JSON Schema. */
export function exportFile(own: OwnScenario, schemaUrl: string): string {
	return `${JSON.stringify({ $schema: schemaUrl, ...(scenarioOfDraft(own.id, own.draft) as object) }, null, "\t")}\n`;
}

/** A trainer's scenario's title in a language: that language's, else the other's, else its id. */
export function titleOf(own: Pick<OwnScenario, "id" | "draft">, locale: Locale): string {
	const other = locales.find((l) => l !== locale) ?? locale;
	return own.draft.texts[locale].title.trim() || own.draft.texts[other].title.trim() || own.id;
}
