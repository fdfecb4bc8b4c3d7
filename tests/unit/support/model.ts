import { expect } from "vitest";
import {
	apply,
	contextAt,
	initialState,
	type Action,
	type ActionOf,
	type ApplyResult,
	type RefusalCode,
	type State,
} from "../../../src/simulator/model/index.ts";

/** Shared fixtures for the model tests: a partner, an ordered account, strict helpers. */

export const now = "2026-02-02T10:00:00.000Z";
export const ctx = contextAt(now);

export const partner = {
	firstName: "Jonas",
	lastName: "Berger",
	email: "jonas.berger@etikettec-partner.de",
	company: "EtiketTec Partner GmbH",
};

export const order: ActionOf<"order-account"> = {
	type: "order-account",
	accountName: "sonnenkorn-backwaren",
	contactEmail: partner.email,
	forCustomer: true,
	customerName: "Sonnenkorn Backwaren GmbH",
	note: "",
};

export const label = {
	type: "create-label",
	name: "Brotetikett",
	widthMm: 58,
	heightMm: 40,
	printer: "Zebra ZD421 Backstube",
	fields: ["Artikel", "Zutaten"],
} as const satisfies Action;

/** Freezes a value deeply, so any mutation by the reducer throws (ES modules are strict). */
export function deepFreeze<T>(value: T): T {
	if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

export function accept(state: State, action: Action): State {
	const result = apply(deepFreeze(state), action, ctx);
	if (!result.ok) {
		throw new Error(`${action.type} refused: ${result.refusal.code} ${result.refusal.field ?? ""}`);
	}
	return result.state;
}

export function run(state: State, ...actions: Action[]): State {
	return actions.reduce(accept, state);
}

/** Asserts a refusal with the given code (and field), and that the input state stayed as it was. */
export function expectRefusal(
	state: State,
	action: Action,
	code: RefusalCode,
	field?: string,
): ApplyResult {
	const snapshot = structuredClone(state);
	const result = apply(deepFreeze(state), action, ctx);
	expect(result.ok).toBe(false);
	if (!result.ok) {
		expect(result.refusal.code).toBe(code);
		if (field !== undefined) expect(result.refusal.field).toBe(field);
	}
	expect(state).toEqual(snapshot);
	return result;
}

export function fresh(): State {
	return initialState(partner);
}

/** An account ordered by the partner, who is signed in with Administration. */
export function ordered(): State {
	return run(fresh(), order);
}

export function partnerId(state: State): string {
	return state.signedInUserId ?? "";
}

export function userByEmail(state: State, email: string) {
	return state.users.find((u) => u.email === email.toLowerCase());
}

export const customer = {
	firstName: "Anna",
	lastName: "Schmidt",
	email: "anna.schmidt@sonnenkorn-backwaren.de",
};

/** The customer invited with Administration, the partner still Administration too. */
export function invited(): State {
	return run(ordered(), { type: "invite-guest-user", ...customer, roles: ["administration"] });
}
