import type { ActionOf } from "../actions.ts";
import { newId, type ApplyContext } from "../context.ts";
import { limits } from "../limits.ts";
import { refusal, type Refusal } from "../refusal.ts";
import { accepted, refuse, refused, type ApplyResult } from "../result.ts";
import type { Configuration, State } from "../state.ts";
import { checkText, nameKey } from "../text.ts";

type ConfigurationInput = Omit<ActionOf<"create-configuration">, "type">;
type ConfigurationFields = Pick<Configuration, "name" | "trigger" | "labelId">;

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
	if ("code" in fields) return refused(fields);
	const at = ctx.now();
	const configuration: Configuration = {
		id: newId(ctx, "configuration", state.seq),
		...fields,
		status: "stopped",
		createdAt: at,
		updatedAt: at,
	};
	return accepted(
		{ ...state, seq: state.seq + 1, configurations: [...state.configurations, configuration] },
		[{ type: "created", entity: "configuration", id: configuration.id }],
	);
}

export function editConfiguration(
	state: State,
	action: ActionOf<"edit-configuration">,
	ctx: ApplyContext,
): ApplyResult {
	const index = state.configurations.findIndex((c) => c.id === action.configurationId);
	const current = state.configurations[index];
	if (current === undefined) return refuse("not-found", "configurationId");
	const fields = checkConfiguration(state, action, current.id);
	if ("code" in fields) return refused(fields);
	const configurations = state.configurations.slice();
	configurations[index] = { ...current, ...fields, updatedAt: ctx.now() };
	return accepted({ ...state, configurations });
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
