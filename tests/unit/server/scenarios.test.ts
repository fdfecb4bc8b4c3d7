import { describe, expect, test } from "vitest";
import { draftOfScenario, emptyDraft } from "../../../src/simulator/scenarios/draft.ts";
import { getScenario } from "../../../src/simulator/scenarios/registry.ts";
import type { Scenario } from "../../../src/simulator/scenarios/schema.ts";
import { ScenarioStore, newScenarioId, statusOf } from "../../../src/server/scenarios/store.ts";
import { stores } from "./support.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
const texts = {
	de: { title: "Abfülllinie Pharma", summary: "Drei Etiketten.", brief: "Für {{company}}." },
	en: { title: "Pharma bottling", summary: "Three labels.", brief: "For {{company}}." },
};
const base = getScenario("bottling-line")!;
const draft = draftOfScenario(base, texts);
const published = (id: string, change: Partial<Scenario> = {}): Scenario => ({
	...base,
	id,
	texts,
	...change,
});

// The contract suite: the same behaviour in every score store (see support.ts).
describe.each(stores)("trainers' scenarios ($name store)", (under) => {
	const newStore = async () => new ScenarioStore(await under.database());

	test("a new scenario is a draft with a readable id of its own", async () => {
		const store = await newStore();
		const created = await store.create(draft, "Abfülllinie Pharma", at(0), null);
		expect(created.id).toMatch(/^abfuelllinie-pharma-[a-z2-9]{4}$/);
		expect(created).toMatchObject({ revision: 1, publishedVersion: null, public: false });
		expect(statusOf(created)).toBe("draft");
		expect(created.draft).toEqual(draft);
		expect((await store.list()).map((s) => s.id)).toEqual([created.id]);
	});

	test("a save must name the revision it was made on; an older one is a conflict and keeps the other's", async () => {
		const store = await newStore();
		const { id } = await store.create(draft, "x", at(0), null);
		const mine = { ...draft, difficulty: "3" };
		const theirs = { ...draft, difficulty: "4" };
		const first = await store.saveDraft(id, mine, 1, at(1));
		expect(first.ok && first.scenario.revision).toBe(2);
		const second = await store.saveDraft(id, theirs, 1, at(2));
		expect(second).toMatchObject({ ok: false, reason: "conflict" });
		expect(
			second.ok === false && second.reason === "conflict" && second.current.draft.difficulty,
		).toBe("3");
		expect((await store.get(id))?.draft.difficulty).toBe("3");
		expect(await store.saveDraft("no-such", mine, 1, at(3))).toEqual({
			ok: false,
			reason: "not-found",
		});
	});

	test("publishing freezes a version; editing afterwards changes only the draft", async () => {
		const store = await newStore();
		const { id } = await store.create(draft, "x", at(0), null);
		const v1 = await store.publish(id, published(id), 1, at(1));
		expect(v1).toMatchObject({ ok: true, version: 1 });
		expect(statusOf((await store.get(id))!)).toBe("published");
		const edited = await store.saveDraft(id, { ...draft, difficulty: "5" }, 1, at(2));
		expect(edited.ok && statusOf(edited.scenario)).toBe("modified");
		const v2 = await store.publish(id, published(id, { difficulty: 5 }), 2, at(3));
		expect(v2).toMatchObject({ ok: true, version: 2 });
		expect((await store.version(id, 1))?.scenario.difficulty).toBe(base.difficulty);
		expect((await store.version(id, 2))?.scenario.difficulty).toBe(5);
		expect((await store.latest(id))?.version).toBe(2);
		expect((await store.versions(id)).map((v) => v.version)).toEqual([2, 1]);
		expect(await store.version(id, 3)).toBeUndefined();
	});

	test("a publication on an old revision is a conflict and publishes nothing", async () => {
		const store = await newStore();
		const { id } = await store.create(draft, "x", at(0), null);
		await store.saveDraft(id, { ...draft, difficulty: "2" }, 1, at(1));
		expect(await store.publish(id, published(id), 1, at(2))).toMatchObject({
			ok: false,
			reason: "conflict",
		});
		expect(await store.versions(id)).toEqual([]);
	});

	test("only published scenarios marked public are offered on the public practice page, at their newest version", async () => {
		const store = await newStore();
		const shown = await store.create(draft, "shown", at(0), null);
		const hidden = await store.create(draft, "hidden", at(0), null);
		const unpublished = await store.create(draft, "unpublished", at(0), null);
		await store.publish(shown.id, published(shown.id), 1, at(1));
		await store.publish(hidden.id, published(hidden.id), 1, at(1));
		await store.setPublic(shown.id, true, at(2));
		await store.setPublic(unpublished.id, true, at(2));
		const offered = await store.offeredPublicly();
		expect(offered.map((v) => [v.id, v.version])).toEqual([[shown.id, 1]]);
		await store.setPublic(shown.id, false, at(3));
		expect(await store.offeredPublicly()).toEqual([]);
	});

	test("a hostile draft is kept as text, exactly", async () => {
		const store = await newStore();
		const hostile = structuredClone(emptyDraft);
		hostile.texts.de.title = "<img src=x onerror=alert(1)>\"'&";
		hostile.labels = [
			{
				name: '=HYPERLINK("x")',
				widthMm: "1e9",
				heightMm: "-1",
				printer: "\u202e",
				fields: "a\nb",
			},
		];
		const { id } = await store.create(hostile, "<script>", at(0), null);
		expect(id).toMatch(/^script-[a-z2-9]{4}$/);
		expect((await store.get(id))?.draft).toEqual(hostile);
	});
});

test("scenario ids never meet a built-in one and are URL-safe", () => {
	for (const name of ["", "Erste Übergabe", "first handover", "…", "x".repeat(300)]) {
		const id = newScenarioId(name);
		expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		expect(id.length).toBeLessThanOrEqual(45);
		expect(getScenario(id)).toBeUndefined();
	}
});
