import type { Translate } from "../../text/locale.ts";
import type { Action } from "../../model/actions.ts";
import { findUser, fullName } from "../../model/queries.ts";
import { roleIds, type RoleId } from "../../model/roles.ts";
import type { State } from "../../model/state.ts";
import type { LeafStepId } from "../../process/steps.ts";
import { replay } from "../../model/replay.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { solution } from "../../scenarios/solution.ts";
import type { ReferenceEvent } from "../../scenarios/solve.ts";
import { startPoint } from "../../scenarios/start.ts";
import { navigation, type Page } from "../cc/navigation.ts";

/**
 * What the demo does on the screen for one action of the reference solution, as a trainee would:
 * the gestures name their targets by the texts on the screen (a button's name, a field's label), so
 * the demo goes through the same screens and forms and cannot take a way the trainee does not have.
 * Pure: the player (`player.ts`) carries the gestures out in the page.
 */

/** A control, found by what the screen says; inside the open dialog when one is open. */
export type Target =
	| { readonly by: "nav"; readonly name: string }
	| { readonly by: "button"; readonly name: string }
	| { readonly by: "field"; readonly label: string }
	| { readonly by: "check"; readonly label: string };

interface Base {
	readonly target: Target;
	/** The procedure step this gesture belongs to; the caption says what it is and why. */
	readonly step: LeafStepId;
}

export type Gesture =
	| (Base & { readonly kind: "click" })
	| (Base & { readonly kind: "type"; readonly text: string })
	| (Base & { readonly kind: "choose"; readonly value: string })
	| (Base & { readonly kind: "tick"; readonly on: boolean });

/**
 * The gestures that take `event`'s action through the screens from `before`, the state it is taken
 * in; undefined for an action the reference solution never takes (a test checks it never does).
 */
export function gesturesFor(
	event: ReferenceEvent,
	before: State,
	t: Translate,
): readonly Gesture[] | undefined {
	const step = event.step;
	const a: Action = event.action;
	const nav = (page: Page): Gesture => ({
		kind: "click",
		target: { by: "nav", name: t(navLabel(page)) },
		step,
	});
	const click = (name: string, on: LeafStepId = step): Gesture => ({
		kind: "click",
		target: { by: "button", name },
		step: on,
	});
	const type = (label: string, text: string, on: LeafStepId = step): Gesture => ({
		kind: "type",
		target: { by: "field", label: t(label) },
		text,
		step: on,
	});
	const choose = (label: string, value: string): Gesture => ({
		kind: "choose",
		target: { by: "field", label: t(label) },
		value,
		step,
	});
	const tick = (label: string, on: boolean, at: LeafStepId = step): Gesture => ({
		kind: "tick",
		target: { by: "check", label },
		on,
		step: at,
	});
	const save = click(t("ui.common.save"));

	switch (a.type) {
		case "order-account":
			return [
				type("fields.accountName", a.accountName),
				type("fields.contactEmail", a.contactEmail),
				...(a.forCustomer
					? [tick(t("fields.forCustomer"), true), type("fields.customerName", a.customerName)]
					: []),
				...(a.note ? [type("fields.note", a.note)] : []),
				click(t("ui.order.submit")),
			];
		case "create-label":
			return [
				nav("documents"),
				click(t("ui.documents.create")),
				type("fields.name", a.name),
				type("fields.widthMm", String(a.widthMm)),
				type("fields.heightMm", String(a.heightMm)),
				type("fields.printer", a.printer),
				type("fields.fields", a.fields.join("\n")),
				save,
			];
		// Each dialog: open it, fill each of its fields by its label in the order the screen shows
		// them, save.
		case "create-configuration":
			return [
				nav("integrations"),
				click(t("ui.integrations.createConfiguration")),
				type("fields.name", a.name),
				choose("fields.trigger", a.trigger),
				choose("fields.labelId", a.labelId),
				save,
			];
		case "start-configuration": {
			const name = before.configurations.find((c) => c.id === a.configurationId)?.name ?? "";
			return [nav("integrations"), click(t("ui.integrations.startNamed", { name }))];
		}
		case "create-integration":
			return [
				nav("integrations"),
				click(t("ui.integrations.createIntegration")),
				type("fields.name", a.name),
				choose("fields.kind", a.kind),
				choose("fields.configurationId", a.configurationId ?? ""),
				save,
			];
		case "invite-guest-user": {
			// The customer's invitation is the handover: the role is 3.3, the Invite button 3.4.
			const handover = step === "invite-guest-user";
			return [
				nav("users"),
				click(t("ui.users.invite")),
				type("fields.firstName", a.firstName),
				type("fields.lastName", a.lastName),
				type("fields.email", a.email),
				...a.roles.map((role) =>
					tick(
						t(`roles.${role}.name`),
						true,
						handover && role === "administration" ? "grant-administration" : step,
					),
				),
				click(t("ui.users.inviteButton"), handover ? "send-invitation" : step),
			];
		}
		case "set-user-roles": {
			const user = findUser(before, a.userId);
			if (!user) return undefined;
			// Add first, then remove: a user must belong to at least one role at every moment.
			const added = roleIds.filter((r) => a.roles.includes(r) && !user.roles.includes(r));
			const removed = roleIds.filter((r) => !a.roles.includes(r) && user.roles.includes(r));
			const flip = (role: RoleId, on: boolean) => tick(t(`roles.${role}.name`), on);
			return [
				nav("users"),
				click(fullName(user)),
				...added.map((r) => flip(r, true)),
				...removed.map((r) => flip(r, false)),
				save,
			];
		}
		case "remove-user": {
			const user = findUser(before, a.userId);
			if (!user) return undefined;
			return [nav("users"), click(fullName(user)), click(t("ui.users.remove"))];
		}
		case "set-notification-recipients":
			return [
				nav("account-information"),
				click(t("ui.account.editRecipients")),
				type("ui.account.recipientsLabel", a.text),
				save,
			];
		default:
			return undefined;
	}
}

/**
 * A concrete scenario's whole demo: each reference action with its gestures, worked out from the
 * state it is taken in. For measuring the demo's length and testing it; the player itself works
 * each action out from the screen's state when it comes.
 */
export function demoPlan(
	s: Scenario,
	t: Translate,
): { readonly event: ReferenceEvent; readonly gestures: readonly Gesture[] | undefined }[] {
	const plan: { event: ReferenceEvent; gestures: readonly Gesture[] | undefined }[] = [];
	replay(startPoint(s).state, solution(s), (before, event) =>
		plan.push({ event, gestures: gesturesFor(event, before, t) }),
	);
	return plan;
}

function navLabel(page: Page): string {
	for (const entry of navigation) {
		for (const item of entry.items) if (item.page === page) return item.label;
	}
	return "ui.nav.mailbox";
}
