import { emptyDraft, type Draft } from "../../simulator/scenarios/draft.ts";

/**
 * The scenario editor's form, read back into a draft. Every control is named by its place in the
 * draft (`labels.2.printer`, `texts.de.brief`), lists by their rows' numbers; a row is there when
 * any of its fields is. Buttons name what they do in `intent`: save, publish, add a row to a list
 * or remove one. Whatever the form holds is kept, valid or not: the editor shows it again with
 * each problem at its field.
 */

/** The lists a trainer adds rows to and removes them from. */
export const draftLists = [
	"people",
	"mailboxes",
	"labels",
	"configurations",
	"integrations",
	"users",
	"then",
] as const;
export type DraftList = (typeof draftLists)[number];

export type Intent =
	| { readonly kind: "save" }
	| { readonly kind: "publish" }
	| { readonly kind: "add"; readonly list: DraftList }
	| { readonly kind: "remove"; readonly list: DraftList; readonly row: number };

export function readIntent(value: string | null): Intent {
	const [kind, list, row] = (value ?? "save").split(":");
	const known = draftLists.find((l) => l === list);
	if (kind === "publish") return { kind: "publish" };
	if (kind === "add" && known) return { kind: "add", list: known };
	if (kind === "remove" && known && /^\d{1,3}$/.test(row ?? "")) {
		return { kind: "remove", list: known, row: Number(row) };
	}
	return { kind: "save" };
}

/** Row numbers of a list as the form sent them, in order, at most `max`. */
function rows(form: URLSearchParams, list: string, max: number): number[] {
	const found = new Set<number>();
	const prefix = new RegExp(`^${list.replace(".", "\\.")}\\.(\\d{1,3})\\.`);
	for (const key of form.keys()) {
		const m = prefix.exec(key);
		if (m) found.add(Number(m[1]));
	}
	return [...found].sort((a, b) => a - b).slice(0, max);
}

export function readDraftForm(form: URLSearchParams): Draft {
	const text = (name: string) => (form.get(name) ?? "").slice(0, 8000);
	const all = (name: string) => form.getAll(name).slice(0, 40);
	const row = <T>(list: string, max: number, read: (at: (field: string) => string) => T) =>
		rows(form, list, max).map((i) => read((field) => `${list}.${i}.${field}`));
	return {
		kind: text("kind"),
		difficulty: text("difficulty"),
		situation: {
			before: text("situation.before"),
			then: row("situation.then", 10, (at) => ({
				do: text(at("do")),
				roles: all(at("roles")),
				typo: form.has(at("typo")),
			})),
		},
		partner: {
			firstName: text("partner.firstName"),
			lastName: text("partner.lastName"),
			email: text("partner.email"),
			company: text("partner.company"),
		},
		customer: {
			company: text("customer.company"),
			shortName: text("customer.shortName"),
			domain: text("customer.domain"),
			accountName: text("customer.accountName"),
			contact: text("customer.contact"),
			contactRoles: all("customer.contactRoles"),
		},
		people: row("people", 40, (at) => ({
			key: text(at("key")),
			firstName: text(at("firstName")),
			lastName: text(at("lastName")),
			email: text(at("email")),
		})),
		mailboxes: row("mailboxes", 20, (at) => ({ key: text(at("key")), email: text(at("email")) })),
		labels: row("labels", 40, (at) => ({
			name: text(at("name")),
			widthMm: text(at("widthMm")),
			heightMm: text(at("heightMm")),
			printer: text(at("printer")),
			fields: text(at("fields")),
		})),
		configurations: row("configurations", 40, (at) => ({
			name: text(at("name")),
			trigger: text(at("trigger")),
			label: text(at("label")),
			started: form.has(at("started")),
		})),
		integrations: row("integrations", 40, (at) => ({
			name: text(at("name")),
			kind: text(at("kind")),
			configuration: text(at("configuration")),
		})),
		users: row("users", 40, (at) => ({ person: text(at("person")), roles: all(at("roles")) })),
		recipients: all("recipients"),
		texts: {
			de: {
				title: text("texts.de.title"),
				summary: text("texts.de.summary"),
				brief: text("texts.de.brief"),
			},
			en: {
				title: text("texts.en.title"),
				summary: text("texts.en.summary"),
				brief: text("texts.en.brief"),
			},
		},
	};
}

/** An empty row of each list, as "add" puts it at the end. */
function emptyRow(list: DraftList) {
	switch (list) {
		case "people":
			return { key: "", firstName: "", lastName: "", email: "" };
		case "mailboxes":
			return { key: "", email: "" };
		case "labels":
			return { name: "", widthMm: "", heightMm: "", printer: "", fields: "" };
		case "configurations":
			return { name: "", trigger: "cloud-trigger", label: "", started: false };
		case "integrations":
			return { name: "", kind: "database", configuration: "" };
		case "users":
			return { person: "", roles: [] };
		case "then":
			return { do: "invite-contact", roles: ["administration"], typo: false };
	}
}

const listLimits: Record<DraftList, number> = {
	people: 40,
	mailboxes: 20,
	labels: 40,
	configurations: 40,
	integrations: 40,
	users: 40,
	then: 10,
};

/** The draft with a row added to or removed from one of its lists (beyond a limit, nothing). */
export function applyIntent(draft: Draft, intent: Intent): Draft {
	if (intent.kind !== "add" && intent.kind !== "remove") return draft;
	const current: readonly unknown[] =
		intent.list === "then" ? draft.situation.then : draft[intent.list];
	let next: unknown[];
	if (intent.kind === "add") {
		next =
			current.length >= listLimits[intent.list]
				? [...current]
				: [...current, emptyRow(intent.list)];
	} else {
		next = current.filter((_, i) => i !== intent.row);
	}
	return intent.list === "then"
		? { ...draft, situation: { ...draft.situation, then: next as Draft["situation"]["then"] } }
		: ({ ...draft, [intent.list]: next } as Draft);
}

/** A draft to start a new scenario from nothing. */
export function newDraft(): Draft {
	return structuredClone(emptyDraft);
}
