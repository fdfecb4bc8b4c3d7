import { createSignal } from "solid-js";
import type { Action } from "../model/actions.ts";
import type { Refusal } from "../model/refusal.ts";
import type { Sim } from "./context.tsx";

/** Field errors keyed by the action's field name; `form` holds a refusal that names no field. */
export type Errors = Partial<Record<string, string>>;

/** A form's text values, keyed by the action field each one becomes. */
export type Values = Record<string, string>;

export function refusalText(sim: Sim, refusal: Refusal): string {
	return sim.t(`refusals.${refusal.code}`, refusal.params ?? {});
}

/**
 * One form's state and its submission: the values typed so far (keyed like the action's fields, so
 * a refusal naming a field lands beside that field), and `submit`, which dispatches an action. On
 * refusal the named field shows the reason in the current language and gets focus; on success the
 * errors clear. `submit` returns whether it was applied. Pass `ref` to the element holding the
 * form's fields (FormDialog does this itself).
 */
export function createActionForm<V extends Values = Values>(sim: Sim, initial: V = {} as V) {
	const [errors, setErrors] = createSignal<Errors>({});
	const [values, setValues] = createSignal<V>(initial);
	let root: HTMLElement | undefined;
	const ref = (element: HTMLElement): void => {
		root = element;
	};
	const set = (name: keyof V & string, value: string): void => {
		setValues((previous) => ({ ...previous, [name]: value }));
	};
	/** Back to the first values without errors, for a dialog that stays mounted when it closes. */
	const reset = (): void => {
		setValues(() => initial);
		setErrors({});
	};
	function submit(action: Action): boolean {
		const result = sim.dispatch(action);
		if (!result) return false;
		if (result.ok) {
			setErrors({});
			return true;
		}
		const field = result.refusal.field ?? "form";
		setErrors({ [field]: refusalText(sim, result.refusal) });
		queueMicrotask(() => {
			const target = root?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-error]');
			target?.focus();
		});
		return false;
	}
	return { errors, values, set, reset, submit, ref };
}

export type ActionForm<V extends Values = Values> = ReturnType<typeof createActionForm<V>>;
