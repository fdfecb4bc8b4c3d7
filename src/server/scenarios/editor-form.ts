import { draftSchema, type Draft } from "../../simulator/scenarios/draft.ts";
import { readBody, readText } from "../body.ts";
import type { ServerContext } from "../context.ts";
import { HttpError } from "../errors.ts";
import {
	copyOf,
	draftOfFile,
	publishDraft,
	saveDraft,
	titleOf,
	visibleScenario,
} from "./editor.ts";
import { applyIntent, newDraft, readDraftForm, readIntent, type DraftList } from "./form.ts";
import type { Locale } from "../../simulator/text/locale.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";
import { actorOf, type Acting } from "../access/sign-in.ts";
import { mayManage } from "../access/accounts.ts";

/** The trainer acting, and the language of the page they act on (a copy's name, the audit's title). */
export type ActingIn = Acting & { readonly locale: Locale };

/**
 * The posts of the scenario pages, read and carried out; the pages only show the answer. A save
 * that goes through is answered with a redirect (reloading the page then posts nothing again); a
 * refused one with the form as it was typed and why.
 */

/** The editor's form is large (forty label templates with their fields), but bounded. */
export const editorBodyLimit = 512 * 1024;
/** A scenario file to import. */
export const scenarioFileLimit = 256 * 1024;

export type EditorAnswer =
	| { readonly kind: "redirect"; readonly location: string }
	| {
			readonly kind: "refused";
			readonly status: 404 | 409 | 413 | 422;
			readonly reason: "not-found" | "conflict" | "too-large" | "unproved";
			readonly draft: Draft;
			/** The revision the form should post next (a conflict's is the other save's). */
			readonly revision: number;
	  };

/** Where the page goes after an added row: to its first field; after a removed one: its section. */
function anchorAfter(list: DraftList, kind: "add" | "remove", draft: Draft): string {
	const section = list === "then" ? "kind" : list;
	if (kind === "remove") return `#section-${section}`;
	const rows = list === "then" ? draft.situation.then : draft[list];
	const first = {
		people: "key",
		mailboxes: "key",
		labels: "name",
		configurations: "name",
		integrations: "name",
		users: "person",
		then: "do",
	}[list];
	const name =
		list === "then"
			? `situation.then.${rows.length - 1}.${first}`
			: `${list}.${rows.length - 1}.${first}`;
	return `#f-${name.replaceAll(".", "-")}`;
}

/** POST of the editor: save (and add or remove a row), or save and publish. */
export async function editorPost(
	request: Request,
	ctx: ServerContext,
	id: string,
	acting: ActingIn,
	now: Date = new Date(),
): Promise<EditorAnswer> {
	// Another trainer's scenario is answered as a missing one.
	if ((await visibleScenario(ctx, id, acting)) === undefined) {
		return { kind: "refused", status: 404, reason: "not-found", draft: newDraft(), revision: 0 };
	}
	let form: URLSearchParams;
	try {
		form = new URLSearchParams(await readText(request, editorBodyLimit));
	} catch (error) {
		if (!(error instanceof HttpError) || error.status !== 413) throw error;
		const current = await ctx.scenarios.get(id);
		if (current === undefined)
			return { kind: "refused", status: 404, reason: "not-found", draft: newDraft(), revision: 0 };
		return {
			kind: "refused",
			status: 413,
			reason: "too-large",
			draft: current.draft,
			revision: current.revision,
		};
	}
	const intent = readIntent(form.get("intent"));
	const revision = Number(form.get("revision") ?? "0");
	const checked = draftSchema.safeParse(applyIntent(readDraftForm(form), intent));
	const current = await ctx.scenarios.get(id);
	if (current === undefined)
		return { kind: "refused", status: 404, reason: "not-found", draft: newDraft(), revision: 0 };
	if (!checked.success) {
		return {
			kind: "refused",
			status: 413,
			reason: "too-large",
			draft: current.draft,
			revision: current.revision,
		};
	}
	const draft = checked.data;
	const saved = await saveDraft(ctx, id, draft, Number.isInteger(revision) ? revision : 0, now);
	if (!saved.ok) {
		if (saved.reason === "not-found")
			return { kind: "refused", status: 404, reason: "not-found", draft, revision: 0 };
		// The trainer's entries stay in the form; saving again now replaces the other version.
		return {
			kind: "refused",
			status: 409,
			reason: "conflict",
			draft,
			revision: saved.current.revision,
		};
	}
	// Only its owner (or an administrator) shares a scenario or ends the sharing.
	if (mayManage(acting.trainer, saved.scenario) && form.has("shared") !== saved.scenario.shared) {
		await ctx.scenarios.setShared(id, form.has("shared"), now);
	}
	const offered = form.has("public");
	if (saved.scenario.publishedVersion !== null && offered !== saved.scenario.public) {
		await ctx.scenarios.setPublic(id, offered, now);
	}
	if (intent.kind === "publish") {
		const published = await publishDraft(ctx, id, saved.scenario.revision, now);
		if (published.ok) {
			await ctx.audit.record({
				actor: actorOf(acting.trainer),
				action: "scenario-published",
				targetType: "scenario",
				targetId: id,
				target: titleOf(published.scenario, acting.locale),
				details: { version: published.version },
				address: acting.address,
			});
		}
		if (published.ok) return { kind: "redirect", location: `?published=${published.version}` };
		if (published.reason === "unproved") {
			return {
				kind: "refused",
				status: 422,
				reason: "unproved",
				draft,
				revision: saved.scenario.revision,
			};
		}
		const latest = published.reason === "conflict" ? published.current.revision : 0;
		return {
			kind: "refused",
			status: published.reason === "conflict" ? 409 : 404,
			reason: published.reason,
			draft,
			revision: latest,
		};
	}
	if (intent.kind === "add" || intent.kind === "remove") {
		return { kind: "redirect", location: `?saved${anchorAfter(intent.list, intent.kind, draft)}` };
	}
	return { kind: "redirect", location: "?saved" };
}

export type StartAnswer =
	| { readonly kind: "created"; readonly id: string }
	| {
			readonly kind: "refused";
			readonly status: 400 | 404 | 413 | 422;
			readonly problems: readonly string[];
	  };

/** POST of the list page: a new draft, empty or a copy (`from`). */
export async function startDraft(
	request: Request,
	ctx: ServerContext,
	acting: ActingIn,
	now: Date = new Date(),
): Promise<StartAnswer> {
	const form = new URLSearchParams(await readText(request, 4 * 1024));
	const from = form.get("from") ?? "";
	const owner = acting.trainer.id;
	if (from === "") {
		const created = await ctx.scenarios.create(newDraft(), "", now, owner);
		return { kind: "created", id: created.id };
	}
	const builtIn = getScenario(from) !== undefined;
	if (!builtIn && (await visibleScenario(ctx, from, acting)) === undefined) {
		return { kind: "refused", status: 404, problems: [] };
	}
	const copy = await copyOf(ctx, from, acting.locale);
	if (copy === undefined) return { kind: "refused", status: 404, problems: [] };
	const created = await ctx.scenarios.create(copy.draft, copy.name, now, owner);
	return { kind: "created", id: created.id };
}

/** POST of the import form: a scenario file (multipart) becomes a new draft. */
export async function importScenarioFile(
	request: Request,
	ctx: ServerContext,
	acting: ActingIn,
	now: Date = new Date(),
): Promise<StartAnswer> {
	let form: FormData;
	try {
		const body = await readBody(request, scenarioFileLimit + 16 * 1024);
		form = await new Response(body, {
			headers: { "Content-Type": request.headers.get("content-type") ?? "" },
		}).formData();
	} catch (error) {
		const tooLarge = error instanceof HttpError && error.status === 413;
		return { kind: "refused", status: tooLarge ? 413 : 400, problems: [] };
	}
	const file = form.get("file");
	if (file === null || typeof file === "string" || file.size === 0) {
		return { kind: "refused", status: 400, problems: [] };
	}
	if (file.size > scenarioFileLimit) return { kind: "refused", status: 413, problems: [] };
	const read = draftOfFile(await file.text());
	if (!read.ok) return { kind: "refused", status: 422, problems: read.problems.slice(0, 50) };
	const created = await ctx.scenarios.create(read.draft, read.name, now, acting.trainer.id);
	return { kind: "created", id: created.id };
}
