import { describe, expect, test } from "vitest";
import {
	apply,
	integrationKinds,
	limits,
	type Action,
} from "../../../src/simulator/model/index.ts";
import { accept, ctx, expectRefusal, label, now, ordered, run } from "../support/model.ts";

const configuration: Action = {
	type: "create-configuration",
	name: "Versand",
	trigger: "cloud-trigger",
	labelId: "label-3",
};
const create = {
	type: "create-integration",
	name: "WMS-Datenbank",
	kind: "database",
	configurationId: "configuration-4",
} as const satisfies Action;

function prepared() {
	return run(ordered(), label, configuration);
}

describe("data integrations", () => {
	test("create-integration for every kind, with or without a configuration", () => {
		const result = apply(prepared(), create, ctx);
		if (!result.ok) throw new Error(result.refusal.code);
		expect(result.state.integrations).toEqual([
			{
				id: "integration-5",
				name: "WMS-Datenbank",
				kind: "database",
				configurationId: "configuration-4",
				createdAt: now,
				updatedAt: now,
			},
		]);
		expect(result.effects).toEqual([
			{ type: "created", entity: "integration", id: "integration-5" },
		]);
		const all = run(
			prepared(),
			...integrationKinds.map((kind) => ({ ...create, name: kind, kind, configurationId: null })),
		);
		expect(all.integrations.map((i) => i.kind)).toEqual([...integrationKinds]);
	});

	test("create-integration refusals", () => {
		const state = accept(prepared(), create);
		expectRefusal(state, { ...create, name: "" }, "required", "name");
		expectRefusal(
			state,
			{ ...create, name: "n".repeat(limits.integrationName + 1) },
			"too-long",
			"name",
		);
		expectRefusal(state, { ...create, name: "wms-datenbank" }, "duplicate-name", "name");
		expectRefusal(
			state,
			{ ...create, name: "Neu", configurationId: "configuration-9" },
			"not-found",
			"configurationId",
		);
	});

	test("edit-integration", () => {
		const state = accept(prepared(), create);
		const edited = accept(state, {
			...create,
			type: "edit-integration",
			integrationId: "integration-5",
			kind: "sftp",
			configurationId: null,
		});
		expect(edited.integrations[0]).toMatchObject({
			id: "integration-5",
			kind: "sftp",
			configurationId: null,
		});
	});

	test("edit-integration refusals", () => {
		const state = run(prepared(), create, { ...create, name: "SFTP" });
		const edit = { ...create, type: "edit-integration", integrationId: "integration-5" } as const;
		expectRefusal(state, { ...edit, integrationId: "x" }, "not-found", "integrationId");
		expectRefusal(state, { ...edit, name: "sftp" }, "duplicate-name", "name");
		expectRefusal(state, { ...edit, configurationId: "x" }, "not-found", "configurationId");
	});

	test("delete-integration", () => {
		const state = accept(prepared(), create);
		expect(
			accept(state, { type: "delete-integration", integrationId: "integration-5" }).integrations,
		).toEqual([]);
		expectRefusal(
			state,
			{ type: "delete-integration", integrationId: "x" },
			"not-found",
			"integrationId",
		);
	});
});
