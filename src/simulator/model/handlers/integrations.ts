import type { ActionOf } from "../actions.ts";
import { newId, type ApplyContext } from "../context.ts";
import { limits } from "../limits.ts";
import { refusal, type Refusal } from "../refusal.ts";
import { accepted, refuse, refused, type ApplyResult } from "../result.ts";
import type { Integration, State } from "../state.ts";
import { checkText, nameKey } from "../text.ts";

type IntegrationInput = Omit<ActionOf<"create-integration">, "type">;
type IntegrationFields = Pick<Integration, "name" | "kind" | "configurationId">;

function checkIntegration(
	state: State,
	input: IntegrationInput,
	selfId: string | null,
): IntegrationFields | Refusal {
	const name = checkText(input.name, "name", limits.integrationName);
	if (typeof name !== "string") return name;
	const key = nameKey(name);
	if (state.integrations.some((i) => i.id !== selfId && nameKey(i.name) === key)) {
		return refusal("duplicate-name", "name");
	}
	if (
		input.configurationId !== null &&
		!state.configurations.some((c) => c.id === input.configurationId)
	) {
		return refusal("not-found", "configurationId");
	}
	return { name, kind: input.kind, configurationId: input.configurationId };
}

export function createIntegration(
	state: State,
	action: ActionOf<"create-integration">,
	ctx: ApplyContext,
): ApplyResult {
	const fields = checkIntegration(state, action, null);
	if ("code" in fields) return refused(fields);
	const at = ctx.now();
	const integration: Integration = {
		id: newId(ctx, "integration", state.seq),
		...fields,
		createdAt: at,
		updatedAt: at,
	};
	return accepted(
		{ ...state, seq: state.seq + 1, integrations: [...state.integrations, integration] },
		[{ type: "created", entity: "integration", id: integration.id }],
	);
}

export function editIntegration(
	state: State,
	action: ActionOf<"edit-integration">,
	ctx: ApplyContext,
): ApplyResult {
	const index = state.integrations.findIndex((i) => i.id === action.integrationId);
	const current = state.integrations[index];
	if (current === undefined) return refuse("not-found", "integrationId");
	const fields = checkIntegration(state, action, current.id);
	if ("code" in fields) return refused(fields);
	const integrations = state.integrations.slice();
	integrations[index] = { ...current, ...fields, updatedAt: ctx.now() };
	return accepted({ ...state, integrations });
}

export function deleteIntegration(
	state: State,
	action: ActionOf<"delete-integration">,
): ApplyResult {
	if (!state.integrations.some((i) => i.id === action.integrationId)) {
		return refuse("not-found", "integrationId");
	}
	return accepted({
		...state,
		integrations: state.integrations.filter((i) => i.id !== action.integrationId),
	});
}
