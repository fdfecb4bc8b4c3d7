import type { ActionOf } from "../actions.ts";
import type { ApplyContext } from "../context.ts";
import { limits } from "../limits.ts";
import { createItem, editItem } from "./items.ts";
import { refusal, type Refusal } from "../refusal.ts";
import { accepted, refuse, type ApplyResult } from "../result.ts";
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((value, i) => value === b[i]);
}

function checkFields(raw: readonly string[]): string[] | Refusal {
	if (raw.length > limits.dataFields) {
		return refusal("too-many", "fields", { max: limits.dataFields });
	}
	const fields: string[] = [];
	const keys: string[] = [];
	for (const value of raw) {
		const field = checkText(value, "fields", limits.dataField);
		if (typeof field !== "string") return field;
		const fieldKey = nameKey(field);
		if (keys.includes(fieldKey)) return refusal("duplicate-data-field", "fields", { value: field });
		keys.push(fieldKey);
		fields.push(field);
	}
	return fields;
}

/**
 * Validates the label form in the order its fields appear. When editing, values identical to the
 * stored ones are valid already (they were checked when stored), which keeps typical edits cheap.
 */
function checkLabel(state: State, input: LabelInput, current: Label | null): LabelFields | Refusal {
	let name = current?.name ?? "";
	if (current === null || input.name !== name) {
		const checked = checkText(input.name, "name", limits.labelName);
		if (typeof checked !== "string") return checked;
		const key = nameKey(checked);
		if (state.labels.some((l) => l !== current && nameKey(l.name) === key)) {
			return refusal("duplicate-name", "name");
		}
		name = checked;
	}
	const width = checkSize(input.widthMm, "widthMm");
	if (width !== null) return width;
	const height = checkSize(input.heightMm, "heightMm");
	if (height !== null) return height;
	let printer = current?.printer ?? "";
	if (current === null || input.printer !== printer) {
		const checked = checkText(input.printer, "printer", limits.printer);
		if (typeof checked !== "string") return checked;
		printer = checked;
	}
	const fields =
		current !== null && sameList(input.fields, current.fields)
			? current.fields
			: checkFields(input.fields);
	if ("code" in fields) return fields;
	return { name, widthMm: input.widthMm, heightMm: input.heightMm, printer, fields };
}

export function createLabel(
	state: State,
	action: ActionOf<"create-label">,
	ctx: ApplyContext,
): ApplyResult {
	return createItem(state, ctx, "labels", checkLabel(state, action, null));
}

export function editLabel(
	state: State,
	action: ActionOf<"edit-label">,
	ctx: ApplyContext,
): ApplyResult {
	return editItem(state, ctx, "labels", action.labelId, "labelId", (l) =>
		checkLabel(state, action, l),
	);
}

export function deleteLabel(state: State, action: ActionOf<"delete-label">): ApplyResult {
	if (!state.labels.some((l) => l.id === action.labelId)) return refuse("not-found", "labelId");
	// A configuration prints with the label; deleting it would leave the configuration broken.
	if (state.configurations.some((c) => c.labelId === action.labelId)) {
		return refuse("label-in-use", "labelId");
	}
	return accepted({ ...state, labels: state.labels.filter((l) => l.id !== action.labelId) });
}
