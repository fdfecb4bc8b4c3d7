import * as z from "zod/mini";
import { locales, type Locale } from "../text/locale.ts";
import type { Scenario } from "./schema.ts";

/**
 * A scenario as a trainer is writing it: every field as typed, valid or not, so a refused save
 * keeps everything and the editor can say what is wrong at each field. `scenarioOfDraft` turns it
 * into what the scenario schema checks; `draftOfScenario` the other way, for a copy.
 *
 * The draft is what the dashboard stores between saves. It is hostile input like every text a
 * trainer types: each string is bounded here, and nothing in it is ever rendered but as text.
 */

const short = z.string().check(z.maxLength(200));
const long = z.string().check(z.maxLength(8000));
const list = <T extends z.core.SomeType>(item: T, max: number) =>
	z.array(item).check(z.maxLength(max));
const names = list(short, 40);

export const draftTextsSchema = z.object({ title: short, summary: long, brief: long });

export const draftSchema = z.object({
	kind: short,
	difficulty: short,
	/** Where a recovery or judgement scenario starts: before which step, and what happened. */
	situation: z.object({
		before: short,
		then: list(z.object({ do: short, roles: names, typo: z.boolean() }), 10),
	}),
	partner: z.object({ firstName: short, lastName: short, email: short, company: short }),
	customer: z.object({
		company: short,
		shortName: short,
		domain: short,
		accountName: short,
		contact: short,
		contactRoles: names,
	}),
	people: list(z.object({ key: short, firstName: short, lastName: short, email: short }), 40),
	mailboxes: list(z.object({ key: short, email: short }), 20),
	labels: list(
		z.object({ name: short, widthMm: short, heightMm: short, printer: short, fields: long }),
		40,
	),
	configurations: list(
		z.object({ name: short, trigger: short, label: short, started: z.boolean() }),
		40,
	),
	integrations: list(z.object({ name: short, kind: short, configuration: short }), 40),
	users: list(z.object({ person: short, roles: names }), 40),
	recipients: names,
	texts: z.object({ de: draftTextsSchema, en: draftTextsSchema }),
});

export type Draft = z.infer<typeof draftSchema>;
export type DraftTexts = z.infer<typeof draftTextsSchema>;

const emptyTexts: DraftTexts = { title: "", summary: "", brief: "" };

/** A scenario to start from scratch: one contact and nothing to prepare yet. */
export const emptyDraft: Draft = {
	kind: "staging",
	difficulty: "1",
	situation: { before: "", then: [] },
	partner: { firstName: "", lastName: "", email: "", company: "" },
	customer: {
		company: "",
		shortName: "",
		domain: "",
		accountName: "",
		contact: "contact",
		contactRoles: ["administration"],
	},
	people: [{ key: "contact", firstName: "", lastName: "", email: "" }],
	mailboxes: [],
	labels: [],
	configurations: [],
	integrations: [],
	users: [],
	recipients: ["contact"],
	texts: { de: { ...emptyTexts }, en: { ...emptyTexts } },
};

/** A whole number as typed, or the text itself, which the scenario schema then refuses there. */
function whole(text: string): number | string {
	const trimmed = text.trim();
	return /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The data fields of a label template, one a line; blank lines are nothing. */
export function fieldLines(text: string): string[] {
	return text
		.split(/\r\n|\r|\n/)
		.map((line) => line.trim())
		.filter((line) => line !== "");
}

/** A language's texts count when any of them is filled in; all three are then required. */
const written = (t: DraftTexts) =>
	t.title.trim() !== "" || t.summary.trim() !== "" || t.brief.trim() !== "";

/** What the scenario schema checks of a draft (as unknown: it may well be invalid). */
export function scenarioOfDraft(id: string, draft: Draft): unknown {
	const situation =
		draft.kind === "staging" || draft.situation.before === ""
			? undefined
			: {
					before: draft.situation.before,
					then: draft.situation.then.map((c) =>
						c.do === "invite-contact"
							? { do: c.do, roles: c.roles, ...(c.typo ? { typo: true } : {}) }
							: { do: c.do },
					),
				};
	const texts: Partial<Record<Locale, DraftTexts>> = {};
	for (const locale of locales) {
		if (written(draft.texts[locale])) texts[locale] = draft.texts[locale];
	}
	return {
		id,
		difficulty: whole(draft.difficulty),
		kind: draft.kind,
		...(situation ? { situation } : {}),
		partner: draft.partner,
		customer: draft.customer,
		people: draft.people,
		mailboxes: draft.mailboxes,
		labels: draft.labels.map((l) => ({
			name: l.name,
			widthMm: whole(l.widthMm),
			heightMm: whole(l.heightMm),
			printer: l.printer,
			fields: fieldLines(l.fields),
		})),
		configurations: draft.configurations,
		integrations: draft.integrations.map((i) => ({
			...i,
			configuration: i.configuration === "" ? null : i.configuration,
		})),
		users: draft.users,
		recipients: draft.recipients,
		texts,
	};
}

/**
 * A scenario as a draft, for a copy of a built-in or an own one. A built-in scenario's texts are
 * in the i18n files, so they are handed in (`builtInTexts`); an own scenario carries its own.
 */
export function draftOfScenario(
	s: Scenario,
	builtInTexts?: Readonly<Record<Locale, DraftTexts>>,
): Draft {
	const texts = { de: { ...emptyTexts }, en: { ...emptyTexts } };
	for (const locale of locales) {
		texts[locale] = { ...(s.texts?.[locale] ?? builtInTexts?.[locale] ?? emptyTexts) };
	}
	return {
		kind: s.kind ?? "staging",
		difficulty: String(s.difficulty),
		situation: {
			before: s.situation?.before ?? "",
			then: (s.situation?.then ?? []).map((c) =>
				c.do === "invite-contact"
					? { do: c.do, roles: [...c.roles], typo: c.typo === true }
					: { do: c.do, roles: [], typo: false },
			),
		},
		partner: { ...s.partner },
		customer: { ...s.customer, contactRoles: [...s.customer.contactRoles] },
		people: s.people.map((p) => ({ ...p })),
		mailboxes: s.mailboxes.map((m) => ({ ...m })),
		labels: s.labels.map((l) => ({
			name: l.name,
			widthMm: String(l.widthMm),
			heightMm: String(l.heightMm),
			printer: l.printer,
			fields: l.fields.join("\n"),
		})),
		configurations: s.configurations.map((c) => ({ ...c })),
		integrations: s.integrations.map((i) => ({ ...i, configuration: i.configuration ?? "" })),
		users: s.users.map((u) => ({ person: u.person, roles: [...u.roles] })),
		recipients: [...s.recipients],
		texts,
	};
}
