import { describe, expect, test } from "vitest";
import { apply, limits } from "../../../src/simulator/model/index.ts";
import { accept, ctx, expectRefusal, label, now, ordered, run } from "../support/model.ts";

describe("label templates", () => {
	test("create-label stores the trimmed template and reports its id", () => {
		const result = apply(
			ordered(),
			{ ...label, name: " Brotetikett ", fields: [" Artikel "] },
			ctx,
		);
		if (!result.ok) throw new Error(result.refusal.code);
		expect(result.state.labels).toEqual([
			{
				id: "label-3",
				name: "Brotetikett",
				widthMm: 58,
				heightMm: 40,
				printer: "Zebra ZD421 Backstube",
				fields: ["Artikel"],
				createdAt: now,
				updatedAt: now,
			},
		]);
		expect(result.effects).toEqual([{ type: "created", entity: "label", id: "label-3" }]);
	});

	test("markup is stored as plain text", () => {
		const script = "<script>alert('x')</script>";
		const state = accept(ordered(), { ...label, name: script, printer: script, fields: [script] });
		expect(state.labels[0]).toMatchObject({ name: script, printer: script, fields: [script] });
	});

	test("a label without data fields is allowed", () => {
		expect(accept(ordered(), { ...label, fields: [] }).labels[0]?.fields).toEqual([]);
	});

	test("create-label refusals, field by field", () => {
		const state = ordered();
		const existing = accept(state, label);
		expectRefusal(state, { ...label, name: "" }, "required", "name");
		expectRefusal(state, { ...label, name: "x".repeat(10_000) }, "too-long", "name");
		expectRefusal(existing, { ...label, name: " BROTETIKETT " }, "duplicate-name", "name");
		for (const widthMm of [9, 1001, 58.5, -1, 0]) {
			expectRefusal(state, { ...label, widthMm }, "out-of-range", "widthMm");
		}
		expectRefusal(state, { ...label, heightMm: 5 }, "out-of-range", "heightMm");
		expectRefusal(state, { ...label, printer: " " }, "required", "printer");
		expectRefusal(
			state,
			{ ...label, printer: "p".repeat(limits.printer + 1) },
			"too-long",
			"printer",
		);
		const many = Array.from({ length: limits.dataFields + 1 }, (_, i) => `F${i}`);
		expectRefusal(state, { ...label, fields: many }, "too-many", "fields");
		expectRefusal(state, { ...label, fields: ["ok", ""] }, "required", "fields");
		expectRefusal(
			state,
			{ ...label, fields: ["x".repeat(limits.dataField + 1)] },
			"too-long",
			"fields",
		);
		const duplicate = expectRefusal(
			state,
			{ ...label, fields: ["Charge", " charge"] },
			"duplicate-data-field",
		);
		expect(!duplicate.ok && duplicate.refusal.params).toEqual({ value: "charge" });
	});

	test("edit-label changes the template and keeps its id", () => {
		const state = run(ordered(), label);
		const edited = accept(state, {
			...label,
			type: "edit-label",
			labelId: "label-3",
			name: "Brotetikett klein",
			widthMm: 40,
		});
		expect(edited.labels).toHaveLength(1);
		expect(edited.labels[0]).toMatchObject({
			id: "label-3",
			name: "Brotetikett klein",
			widthMm: 40,
		});
		// keeping its own name is not a duplicate
		accept(state, { ...label, type: "edit-label", labelId: "label-3" });
	});

	test("edit-label validates what changed, and keeps what did not", () => {
		const state = run(ordered(), label);
		const edit = { ...label, type: "edit-label", labelId: "label-3" } as const;
		expectRefusal(state, { ...edit, fields: ["Artikel", " "] }, "required", "fields");
		expectRefusal(
			state,
			{ ...edit, printer: "p".repeat(limits.printer + 1) },
			"too-long",
			"printer",
		);
		expectRefusal(state, { ...edit, name: "" }, "required", "name");
		const same = accept(state, { ...edit, fields: [...label.fields] });
		expect(same.labels[0]?.fields).toEqual(label.fields);
	});

	test("edit-label refusals", () => {
		const state = run(ordered(), label, { ...label, name: "Kartonetikett" });
		expectRefusal(
			state,
			{ ...label, type: "edit-label", labelId: "label-99" },
			"not-found",
			"labelId",
		);
		expectRefusal(
			state,
			{ ...label, type: "edit-label", labelId: "label-4" },
			"duplicate-name",
			"name",
		);
		expectRefusal(
			state,
			{ ...label, type: "edit-label", labelId: "label-3", heightMm: 2000 },
			"out-of-range",
			"heightMm",
		);
	});

	test("delete-label removes an unused template", () => {
		const state = run(ordered(), label);
		expect(accept(state, { type: "delete-label", labelId: "label-3" }).labels).toEqual([]);
	});

	test("delete-label refusals", () => {
		const state = run(ordered(), label, {
			type: "create-configuration",
			name: "Abfüllung",
			trigger: "cloud-trigger",
			labelId: "label-3",
		});
		expectRefusal(state, { type: "delete-label", labelId: "label-3" }, "label-in-use", "labelId");
		expectRefusal(state, { type: "delete-label", labelId: "nope" }, "not-found", "labelId");
	});
});
