import { describe, expectTypeOf, test } from "vitest";
import type { Attempt, AttemptEvent, AttemptMode } from "../../../src/simulator/attempt/index.ts";
import type { Action, ActionType } from "../../../src/simulator/model/actions.ts";

/**
 * The public contracts as types: the attempt file and the action `type` values appear in files
 * trainees send and trainers keep, so a change to them must be deliberate. Checked by the type
 * checker (`astro check` in CI); the assertions do nothing at run time.
 */
describe("public types", () => {
	test("the action types an attempt file may hold", () => {
		expectTypeOf<ActionType>().toEqualTypeOf<
			| "order-account"
			| "create-label"
			| "edit-label"
			| "delete-label"
			| "create-configuration"
			| "edit-configuration"
			| "delete-configuration"
			| "start-configuration"
			| "stop-configuration"
			| "create-integration"
			| "edit-integration"
			| "delete-integration"
			| "add-user"
			| "invite-guest-user"
			| "edit-user"
			| "set-user-roles"
			| "remove-user"
			| "resend-invitation"
			| "activate-invitation"
			| "set-notification-recipients"
		>();
		expectTypeOf<Extract<Action, { type: "invite-guest-user" }>>().toHaveProperty("email");
	});

	test("the attempt file's fields", () => {
		expectTypeOf<AttemptMode>().toEqualTypeOf<"practice" | "assessment" | "demo">();
		expectTypeOf<Attempt>().toHaveProperty("events").toEqualTypeOf<AttemptEvent[]>();
		expectTypeOf<Attempt["scenario"]>().toHaveProperty("seed").toEqualTypeOf<number>();
		expectTypeOf<AttemptEvent>().toHaveProperty("at").toEqualTypeOf<string>();
		expectTypeOf<Attempt>().toHaveProperty("hintsUsed").toEqualTypeOf<number>();
	});
});
