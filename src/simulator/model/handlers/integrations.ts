import type { ActionOf } from "../actions.ts";
import type { ApplyContext } from "../context.ts";
import { limits } from "../limits.ts";
import { createItem, editItem } from "./items.ts";
import { refusal, type Refusal } from "../refusal.ts";
import { accepted, refuse, type ApplyResult } from "../result.ts";
import type { Integration, State } from "../state.ts";
import { checkText, nameKey } from "../text.ts";

type IntegrationInput = Omit<ActionOf<"create-integration">, "type">;
type IntegrationFields = Pick<Integration, "name" | "kind" | "configurationId">;

// Checked like configurations (see there why each list has its own check).
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
	return createItem(state, ctx, "integrations", checkIntegration(state, action, null));
}

export function editIntegration(
	state: State,
	action: ActionOf<"edit-integration">,
	ctx: ApplyContext,
): ApplyResult {
	return editItem(state, ctx, "integrations", action.integrationId, "integrationId", (i) =>
		checkIntegration(state, action, i.id),
	);
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
