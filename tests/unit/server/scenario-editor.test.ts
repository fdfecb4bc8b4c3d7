import { describe, expect, test } from "vitest";
import { translator } from "../../../src/i18n/translator.ts";
import { draftOfScenario, scenarioOfDraft } from "../../../src/simulator/scenarios/draft.ts";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import { scenarioSchema } from "../../../src/simulator/scenarios/schema.ts";
import {
	copyOf,
	draftOfFile,
	exportFile,
	proveDraft,
	publishDraft,
} from "../../../src/server/scenarios/editor.ts";
import {
	anchorOf,
	controlNames,
	fieldLabel,
	fieldOfPath,
	formProblems,
} from "../../../src/server/scenarios/editor-view.ts";
import { applyIntent, readDraftForm, readIntent } from "../../../src/server/scenarios/form.ts";
import { stores } from "./support.ts";

const texts = {
	de: { title: "Abfülllinie Pharma", summary: "Drei Etiketten.", brief: "Für {{company}}." },
	en: { title: "", summary: "", brief: "" },
};
const base = getScenario("bottling-line")!;

/** The editor's form as a browser posts it, from a draft. */
function formOf(draft: ReturnType<typeof draftOfScenario>): URLSearchParams {
	const form = new URLSearchParams();
	const add = (name: string, value: string | boolean | string[]) => {
		if (Array.isArray(value)) for (const v of value) form.append(name, v);
		else if (typeof value === "boolean") {
			if (value) form.append(name, "on");
		} else form.append(name, value);
	};
	add("kind", draft.kind);
	add("difficulty", draft.difficulty);
	add("situation.before", draft.situation.before);
	for (const [k, v] of Object.entries(draft.partner)) add(`partner.${k}`, v);
	for (const [k, v] of Object.entries(draft.customer)) add(`customer.${k}`, v);
	for (const list of [
		"people",
		"mailboxes",
		"labels",
		"configurations",
		"integrations",
		"users",
	] as const) {
		draft[list].forEach((row, i) => {
			for (const [k, v] of Object.entries(row))
				add(`${list}.${i}.${k}`, v as string | boolean | string[]);
		});
	}
	add("recipients", draft.recipients);
	for (const l of ["de", "en"] as const) {
		for (const [k, v] of Object.entries(draft.texts[l])) add(`texts.${l}.${k}`, v);
	}
	return form;
}

describe("the editor's form", () => {
	test("reads back exactly the draft it shows", () => {
		const draft = draftOfScenario(base, { de: texts.de, en: texts.de });
		expect(readDraftForm(formOf(draft))).toEqual(draft);
	});

	test("keeps what was typed, valid or not, and a row whose checkboxes are all empty", () => {
		const draft = draftOfScenario(base, { de: texts.de, en: texts.en });
		draft.labels[0]!.widthMm = "breit";
		draft.users[0]!.roles = [];
		const read = readDraftForm(formOf(draft));
		expect(read.labels[0]!.widthMm).toBe("breit");
		expect(read.users).toEqual([{ person: draft.users[0]!.person, roles: [] }]);
	});

	test("buttons add and remove rows; anything else saves", () => {
		expect(readIntent("add:labels")).toEqual({ kind: "add", list: "labels" });
		expect(readIntent("remove:users:2")).toEqual({ kind: "remove", list: "users", row: 2 });
		expect(readIntent("publish")).toEqual({ kind: "publish" });
		for (const odd of [null, "", "add:nothing", "remove:labels:x", "drop:labels"]) {
			expect(readIntent(odd)).toEqual({ kind: "save" });
		}
		const draft = draftOfScenario(base, { de: texts.de, en: texts.en });
		const added = applyIntent(draft, { kind: "add", list: "labels" });
		expect(added.labels).toHaveLength(base.labels.length + 1);
		const removed = applyIntent(added, { kind: "remove", list: "labels", row: 0 });
		expect(removed.labels.map((l) => l.name)).toEqual([base.labels[1]!.name, ""]);
		const change = applyIntent({ ...draft, kind: "recovery" }, { kind: "add", list: "then" });
		expect(change.situation.then).toEqual([
			{ do: "invite-contact", roles: ["administration"], typo: false },
		]);
	});
});

describe("problems at their fields, in the trainer's language", () => {
	test("a problem names the control and the row it is in", () => {
		const t = translator("de");
		const draft = draftOfScenario(base, { de: texts.de, en: texts.en });
		draft.labels[1]!.widthMm = "breit";
		draft.configurations[0]!.label = "Gibt es nicht";
		const result = proveDraft("x-1", draft);
		const shown = formProblems(result, t);
		expect(shown).toEqual([
			{
				field: "labels.1.widthMm",
				text: "Keine ganze Zahl oder fehlt.",
				where: "Etikettenvorlage 2 – Breite (mm)",
			},
			{
				field: "configurations.0.label",
				text: "Es gibt keine Etikettenvorlage namens „Gibt es nicht“.",
				where: "Konfiguration 1 – Etikettenvorlage",
			},
		]);
		const controls = controlNames(draft);
		expect(anchorOf("labels.1.widthMm", controls)).toBe("#f-labels-1-widthMm");
		expect(anchorOf("texts", controls)).toBe("#section-texts");
	});

	test("a problem in a list of values belongs to the list's control", () => {
		expect(fieldOfPath(["recipients", 2])).toBe("recipients");
		expect(fieldOfPath(["labels", 0, "fields", 3])).toBe("labels.0.fields");
		expect(fieldOfPath(["people", 1, "email"])).toBe("people.1.email");
		expect(fieldLabel("texts.en.brief", translator("en"))).toBe("English – Brief");
		expect(fieldLabel("customer.contactRoles", translator("en"))).toBe(
			"The customer contact – Access roles",
		);
	});
});

describe.each(stores)("copies, files and publishing ($name store)", (under) => {
	test("a copy of a built-in scenario takes its texts in both languages", async () => {
		const ctx = {
			scenarios: new (await import("../../../src/server/scenarios/store.ts")).ScenarioStore(
				await under.database(),
			),
		};
		const copy = (await copyOf(ctx, "bottling-line", "de"))!;
		expect(copy.name).toBe(translator("de")("scenarios.bottling-line.title"));
		expect(copy.draft.texts.en.brief).toBe(translator("en")("scenarios.bottling-line.brief"));
		expect(await copyOf(ctx, "no-such", "de")).toBeUndefined();
	});

	test("a draft that fails a proof is not published, and says which", async () => {
		const { ScenarioStore } = await import("../../../src/server/scenarios/store.ts");
		const ctx = { scenarios: new ScenarioStore(await under.database()) };
		const draft = draftOfScenario(base, { de: texts.de, en: texts.en });
		draft.users[0]!.roles = [];
		const own = await ctx.scenarios.create(draft, "x", new Date(), null);
		const refused = await publishDraft(ctx, own.id, own.revision, new Date());
		expect(refused).toMatchObject({ ok: false, reason: "unproved" });
		expect(
			refused.ok === false && refused.reason === "unproved" && refused.result.proofs[0]?.status,
		).toBe("failed");
		expect(await ctx.scenarios.versions(own.id)).toEqual([]);
		const fixed = await ctx.scenarios.saveDraft(
			own.id,
			draftOfScenario(base, { de: texts.de, en: texts.en }),
			own.revision,
			new Date(),
		);
		expect(fixed.ok).toBe(true);
		expect(await publishDraft(ctx, own.id, own.revision + 1, new Date())).toMatchObject({
			ok: true,
			version: 1,
		});
	});

	test("an exported file is a scenario file that imports as the same draft", async () => {
		const { ScenarioStore } = await import("../../../src/server/scenarios/store.ts");
		const ctx = { scenarios: new ScenarioStore(await under.database()) };
		const draft = draftOfScenario(base, { de: texts.de, en: texts.en });
		const own = await ctx.scenarios.create(draft, "x", new Date(), null);
		const file = exportFile(own, "https://training.example.com/schemas/scenario.schema.json");
		expect(JSON.parse(file).$schema).toBe(
			"https://training.example.com/schemas/scenario.schema.json",
		);
		expect(scenarioSchema.safeParse(JSON.parse(file)).success).toBe(true);
		const imported = draftOfFile(file);
		expect(imported).toMatchObject({ ok: true, name: "Abfülllinie Pharma" });
		expect(imported.ok && imported.draft).toEqual(draft);
		expect(draftOfFile("{ not json")).toMatchObject({ ok: false });
		const broken = draftOfFile(
			JSON.stringify({ ...(scenarioOfDraft("x", draft) as object), recipients: ["nobody"] }),
		);
		expect(broken.ok === false && broken.problems).toEqual([
			"recipients.0: unknown recipient nobody",
			"recipients: the contact must receive notifications",
		]);
	});
});
