import { describe, expect, test } from "vitest";
import { apply, limits, type Action } from "../../../src/simulator/model/index.ts";
import { accept, ctx, expectRefusal, label, now, ordered, run } from "../support/model.ts";

const create = {
	type: "create-configuration",
	name: "Abfüllung Glas",
	trigger: "cloud-trigger",
	labelId: "label-3",
} as const satisfies Action;
const start: Action = { type: "start-configuration", configurationId: "configuration-4" };
const stop: Action = { type: "stop-configuration", configurationId: "configuration-4" };

function withConfiguration() {
	return run(ordered(), label, create);
}

describe("Automation configurations", () => {
	test("create-configuration creates it Stopped", () => {
		const result = apply(run(ordered(), label), create, ctx);
		if (!result.ok) throw new Error(result.refusal.code);
		expect(result.state.configurations).toEqual([
			{
				id: "configuration-4",
				name: "Abfüllung Glas",
				trigger: "cloud-trigger",
				labelId: "label-3",
				status: "stopped",
				createdAt: now,
				updatedAt: now,
			},
		]);
		expect(result.effects).toEqual([
			{ type: "created", entity: "configuration", id: "configuration-4" },
		]);
	});

	test("create-configuration refusals", () => {
		const state = withConfiguration();
		expectRefusal(state, { ...create, name: " " }, "required", "name");
		expectRefusal(
			state,
			{ ...create, name: "n".repeat(limits.configurationName + 1) },
			"too-long",
			"name",
		);
		expectRefusal(state, { ...create, name: "abfüllung glas" }, "duplicate-name", "name");
		expectRefusal(state, { ...create, name: "Neu", labelId: "label-9" }, "not-found", "labelId");
	});

	test("start and stop", () => {
		const started = accept(withConfiguration(), start);
		expect(started.configurations[0]?.status).toBe("started");
		expect(accept(started, stop).configurations[0]?.status).toBe("stopped");
	});

	test("start and stop refusals", () => {
		const state = withConfiguration();
		expectRefusal(state, stop, "already-stopped", "configurationId");
		expectRefusal(accept(state, start), start, "already-started", "configurationId");
		expectRefusal(
			state,
			{ type: "start-configuration", configurationId: "x" },
			"not-found",
			"configurationId",
		);
		expectRefusal(
			state,
			{ type: "stop-configuration", configurationId: "x" },
			"not-found",
			"configurationId",
		);
	});

	test("edit-configuration changes name, trigger and label but keeps the status", () => {
		const state = run(withConfiguration(), { ...label, name: "Karton" }, start);
		const edited = accept(state, {
			type: "edit-configuration",
			configurationId: "configuration-4",
			name: "Abfüllung Karton",
			trigger: "file-trigger",
			labelId: "label-5",
		});
		expect(edited.configurations[0]).toMatchObject({
			name: "Abfüllung Karton",
			trigger: "file-trigger",
			labelId: "label-5",
			status: "started",
		});
	});

	test("edit-configuration refusals", () => {
		const state = run(withConfiguration(), { ...create, name: "Zweite" });
		const edit = {
			...create,
			type: "edit-configuration",
			configurationId: "configuration-4",
		} as const;
		expectRefusal(state, { ...edit, configurationId: "x" }, "not-found", "configurationId");
		expectRefusal(state, { ...edit, name: "ZWEITE" }, "duplicate-name", "name");
		expectRefusal(state, { ...edit, labelId: "gone" }, "not-found", "labelId");
	});

	test("delete-configuration removes a stopped, unused configuration", () => {
		const deleted = accept(withConfiguration(), {
			type: "delete-configuration",
			configurationId: "configuration-4",
		});
		expect(deleted.configurations).toEqual([]);
	});

	test("delete-configuration refusals", () => {
		const del: Action = { type: "delete-configuration", configurationId: "configuration-4" };
		expectRefusal(
			accept(withConfiguration(), start),
			del,
			"configuration-running",
			"configurationId",
		);
		const fed = accept(withConfiguration(), {
			type: "create-integration",
			name: "WMS",
			kind: "database",
			configurationId: "configuration-4",
		});
		expectRefusal(fed, del, "configuration-in-use", "configurationId");
		expectRefusal(
			fed,
			{ type: "delete-configuration", configurationId: "x" },
			"not-found",
			"configurationId",
		);
	});
});
