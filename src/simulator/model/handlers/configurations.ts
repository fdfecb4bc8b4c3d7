import type { ActionOf } from "../actions.ts";
import type { ApplyContext } from "../context.ts";
import { limits } from "../limits.ts";
import { createItem, editItem } from "./items.ts";
import { refusal, type Refusal } from "../refusal.ts";
import { accepted, refuse, type ApplyResult } from "../result.ts";
import type { Configuration, State } from "../state.ts";
import { checkText, nameKey } from "../text.ts";

type ConfigurationInput = Omit<ActionOf<"create-configuration">, "type">;
type ConfigurationFields = Pick<Configuration, "name" | "trigger" | "labelId">;

// Checked like integrations and labels (a name unique by nameKey, a reference that must exist),
// but each list has its own fields, limits and references, so each has its own check.
function checkConfiguration(
	state: State,
	input: ConfigurationInput,
	selfId: string | null,
): ConfigurationFields | Refusal {
	const name = checkText(input.name, "name", limits.configurationName);
	if (typeof name !== "string") return name;
	const key = nameKey(name);
	if (state.configurations.some((c) => c.id !== selfId && nameKey(c.name) === key)) {
		return refusal("duplicate-name", "name");
	}
	if (!state.labels.some((l) => l.id === input.labelId)) return refusal("not-found", "labelId");
	return { name, trigger: input.trigger, labelId: input.labelId };
}

/** New configurations are Stopped, as in Automation: they run only once started. */
export function createConfiguration(
	state: State,
	action: ActionOf<"create-configuration">,
	ctx: ApplyContext,
): ApplyResult {
	const fields = checkConfiguration(state, action, null);
	const stopped = "code" in fields ? fields : { ...fields, status: "stopped" as const };
	return createItem(state, ctx, "configurations", stopped);
}

export function editConfiguration(
	state: State,
	action: ActionOf<"edit-configuration">,
	ctx: ApplyContext,
): ApplyResult {
	return editItem(state, ctx, "configurations", action.configurationId, "configurationId", (c) =>
		checkConfiguration(state, action, c.id),
	);
}

export function deleteConfiguration(
	state: State,
	action: ActionOf<"delete-configuration">,
): ApplyResult {
	const current = state.configurations.find((c) => c.id === action.configurationId);
	if (current === undefined) return refuse("not-found", "configurationId");
	if (current.status === "started") return refuse("configuration-running", "configurationId");
	if (state.integrations.some((i) => i.configurationId === current.id)) {
		return refuse("configuration-in-use", "configurationId");
	}
	return accepted({
		...state,
		configurations: state.configurations.filter((c) => c.id !== current.id),
	});
}

function setStatus(
	state: State,
	configurationId: string,
	status: Configuration["status"],
	ctx: ApplyContext,
): ApplyResult {
	const index = state.configurations.findIndex((c) => c.id === configurationId);
	const current = state.configurations[index];
	if (current === undefined) return refuse("not-found", "configurationId");
	if (current.status === status) {
		return refuse(status === "started" ? "already-started" : "already-stopped", "configurationId");
	}
	const configurations = state.configurations.slice();
	configurations[index] = { ...current, status, updatedAt: ctx.now() };
	return accepted({ ...state, configurations });
}

export function startConfiguration(
	state: State,
	action: ActionOf<"start-configuration">,
	ctx: ApplyContext,
): ApplyResult {
	return setStatus(state, action.configurationId, "started", ctx);
}

export function stopConfiguration(
	state: State,
	action: ActionOf<"stop-configuration">,
	ctx: ApplyContext,
): ApplyResult {
	return setStatus(state, action.configurationId, "stopped", ctx);
}
