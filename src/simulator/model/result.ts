import type { Effect } from "./context.ts";
import { refusal, type Refusal, type RefusalCode, type RefusalParams } from "./refusal.ts";
import type { State } from "./state.ts";

export type ApplyResult =
	| { readonly ok: true; readonly state: State; readonly effects: readonly Effect[] }
	| { readonly ok: false; readonly refusal: Refusal };

const noEffects: readonly Effect[] = Object.freeze([]);

export function accepted(state: State, effects: readonly Effect[] = noEffects): ApplyResult {
	return { ok: true, state, effects };
}

export function refused(reason: Refusal): ApplyResult {
	return { ok: false, refusal: reason };
}

export function refuse(code: RefusalCode, field?: string, params?: RefusalParams): ApplyResult {
	return { ok: false, refusal: refusal(code, field, params) };
}
