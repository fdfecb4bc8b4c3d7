import type { ActionOf } from "../actions.ts";
import { newId, type ApplyContext } from "../context.ts";
import { limits } from "../limits.ts";
import { refusal, type Refusal } from "../refusal.ts";
import { accepted, refuse, refused, type ApplyResult } from "../result.ts";
import type { Label, State } from "../state.ts";
import { checkText, nameKey } from "../text.ts";

type LabelInput = Omit<ActionOf<"create-label">, "type">;
type LabelFields = Pick<Label, "name" | "widthMm" | "heightMm" | "printer" | "fields">;

function checkSize(value: number, field: string): Refusal | null {
	if (!Number.isInteger(value) || value < limits.labelSizeMinMm || value > limits.labelSizeMaxMm) {
		return refusal("out-of-range", field, {
			min: limits.labelSizeMinMm,
			max: limits.labelSizeMaxMm,
		});
	}
	return null;
}

/** Validates the label form in the order its fields appear; `selfId` is excluded from duplicates. */
function checkLabel(state: State, input: LabelInput, selfId: string | null): LabelFields | Refusal {
	const name = checkText(input.name, "name", limits.labelName);
	if (typeof name !== "string") return name;
	const key = nameKey(name);
	if (state.labels.some((l) => l.id !== selfId && nameKey(l.name) === key)) {
		return refusal("duplicate-name", "name");
	}
	const width = checkSize(input.widthMm, "widthMm");
	if (width !== null) return width;
	const height = checkSize(input.heightMm, "heightMm");
	if (height !== null) return height;
	const printer = checkText(input.printer, "printer", limits.printer);
	if (typeof printer !== "string") return printer;
	if (input.fields.length > limits.dataFields) {
		return refusal("too-many", "fields", { max: limits.dataFields });
	}
	const fields: string[] = [];
	const keys: string[] = [];
	for (const raw of input.fields) {
		const field = checkText(raw, "fields", limits.dataField);
		if (typeof field !== "string") return field;
		const fieldKey = nameKey(field);
		if (keys.includes(fieldKey)) return refusal("duplicate-data-field", "fields", { value: field });
		keys.push(fieldKey);
		fields.push(field);
	}
	return { name, widthMm: input.widthMm, heightMm: input.heightMm, printer, fields };
}

export function createLabel(
	state: State,
	action: ActionOf<"create-label">,
	ctx: ApplyContext,
): ApplyResult {
	const fields = checkLabel(state, action, null);
	if ("code" in fields) return refused(fields);
	const at = ctx.now();
	const label: Label = {
		id: newId(ctx, "label", state.seq),
		...fields,
		createdAt: at,
		updatedAt: at,
	};
	return accepted({ ...state, seq: state.seq + 1, labels: [...state.labels, label] }, [
		{ type: "created", entity: "label", id: label.id },
	]);
}

export function editLabel(
	state: State,
	action: ActionOf<"edit-label">,
	ctx: ApplyContext,
): ApplyResult {
	const index = state.labels.findIndex((l) => l.id === action.labelId);
	const current = state.labels[index];
	if (current === undefined) return refuse("not-found", "labelId");
	const fields = checkLabel(state, action, current.id);
	if ("code" in fields) return refused(fields);
	const labels = state.labels.slice();
	labels[index] = { ...current, ...fields, updatedAt: ctx.now() };
	return accepted({ ...state, labels });
}

export function deleteLabel(state: State, action: ActionOf<"delete-label">): ApplyResult {
	if (!state.labels.some((l) => l.id === action.labelId)) return refuse("not-found", "labelId");
	// A configuration prints with the label; deleting it would leave the configuration broken.
	if (state.configurations.some((c) => c.labelId === action.labelId)) {
		return refuse("label-in-use", "labelId");
	}
	return accepted({ ...state, labels: state.labels.filter((l) => l.id !== action.labelId) });
}
