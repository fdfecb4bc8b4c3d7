import { createSignal } from "solid-js";
import type { Action } from "../model/actions.ts";
import type { Refusal } from "../model/refusal.ts";
import type { Sim } from "./context.tsx";

/** Field errors keyed by the action's field name; `form` holds a refusal that names no field. */
export type Errors = Partial<Record<string, string>>;

export function refusalText(sim: Sim, refusal: Refusal): string {
	return sim.t(`refusals.${refusal.code}`, refusal.params ?? {});
}

/**
 * Submits an action for a form: on refusal the field named by the model shows the reason in the
 * current language and gets focus; on success the errors clear. `submit` returns whether it was
 * applied. Pass `ref` to the element holding the form's fields (FormDialog does this itself).
 */
export function createActionForm(sim: Sim) {
	const [errors, setErrors] = createSignal<Errors>({});
	let root: HTMLElement | undefined;
	const ref = (element: HTMLElement): void => {
		root = element;
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
	return { errors, setErrors, submit, ref };
}

export type ActionForm = ReturnType<typeof createActionForm>;
