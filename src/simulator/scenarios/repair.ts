import type { Action } from "../model/actions.ts";
import { apply } from "../model/apply.ts";
import { sameRoles } from "../model/roles.ts";
import type { State } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import { actionStep } from "../process/action-steps.ts";
import { requirementsOf } from "../process/requirements.ts";
import { addressOf, contactOf, customerAddresses, personByKey } from "./people.ts";
import type { Scenario } from "./schema.ts";
import {
	referenceOrder,
	referenceSpacingMs,
	referenceStart,
	type ReferenceEvent,
} from "./solve.ts";

/**
 * The reference solution from any state: the next action the documented procedure calls for,
 * judged from the account as it is. Recovery scenarios start in a state the fixed reference plan
 * does not know (a mistyped invitation, an early step-down), so their reference solution, and the
 * demo, come from here.
 */

const byName = <T extends { readonly name: string }>(items: readonly T[], name: string) =>
	items.find((i) => nameKey(i.name) === nameKey(name));

/** The next action of the procedure from this state, or null when the account is as required. */
export function nextReferenceAction(s: Scenario, state: State): Action | null {
	if (state.account === null) return referenceOrder(s);
	for (const l of s.labels) {
		const found = byName(state.labels, l.name);
		const wanted = { ...l, fields: [...l.fields] };
		if (found === undefined) return { type: "create-label", ...wanted };
		const same =
			found.widthMm === l.widthMm &&
			found.heightMm === l.heightMm &&
			nameKey(found.printer) === nameKey(l.printer) &&
			found.fields.length === l.fields.length &&
			l.fields.every((f) => found.fields.some((g) => nameKey(g) === nameKey(f)));
		if (!same) return { type: "edit-label", labelId: found.id, ...wanted };
	}
	for (const c of s.configurations) {
		const found = byName(state.configurations, c.name);
		const labelId = byName(state.labels, c.label)?.id ?? "";
		if (found === undefined) {
			return { type: "create-configuration", name: c.name, trigger: c.trigger, labelId };
		}
		if (found.trigger !== c.trigger || found.labelId !== labelId) {
			const edit = { name: c.name, trigger: c.trigger, labelId };
			return { type: "edit-configuration", configurationId: found.id, ...edit };
		}
		if (c.started && found.status !== "started") {
			return { type: "start-configuration", configurationId: found.id };
		}
	}
	for (const i of s.integrations) {
		const found = byName(state.integrations, i.name);
		const configurationId =
			i.configuration === null ? null : (byName(state.configurations, i.configuration)?.id ?? "");
		if (found === undefined) {
			return { type: "create-integration", name: i.name, kind: i.kind, configurationId };
		}
		if (
			found.kind !== i.kind ||
			(configurationId !== null && found.configurationId !== configurationId)
		) {
			const edit = { name: i.name, kind: i.kind, configurationId };
			return { type: "edit-integration", integrationId: found.id, ...edit };
		}
	}
	const self = state.signedInUserId;
	const people = [
		...s.users.flatMap((u) => {
			const p = personByKey(s, u.person);
			return p === undefined ? [] : [{ ...p, roles: u.roles }];
		}),
		{ ...contactOf(s), roles: s.customer.contactRoles },
	];
	for (const p of people) {
		const found = state.users.find((u) => u.email === p.email && u.id !== self);
		if (found === undefined) {
			const { firstName, lastName, email } = p;
			return { type: "invite-guest-user", firstName, lastName, email, roles: [...p.roles] };
		}
		if (!sameRoles(found.roles, p.roles)) {
			return { type: "set-user-roles", userId: found.id, roles: [...p.roles] };
		}
	}
	// A user at an address the customer does not have (a mistyped invitation) goes.
	const known = customerAddresses(s);
	const stray = state.users.find((u) => u.id !== self && !known.has(u.email));
	if (stray !== undefined) return { type: "remove-user", userId: stray.id };
	const own = state.users.find((u) => u.id === self);
	if (own !== undefined && !sameRoles(own.roles, ["service-provider"])) {
		return { type: "set-user-roles", userId: own.id, roles: ["service-provider"] };
	}
	const required = requirementsOf(s);
	const recipients = required.recipients.map((r) => r.email);
	const complete =
		recipients.every((r) => state.notificationRecipients.includes(r)) &&
		!state.notificationRecipients.includes(required.partner);
	if (!complete) {
		const text = s.recipients.map((key) => addressOf(s, key) ?? "").join("\n");
		return { type: "set-notification-recipients", text };
	}
	return null;
}

/** The reference solution from a state, one minute per event; every event is accepted. */
export function solutionFrom(s: Scenario, from: State): ReferenceEvent[] {
	const events: ReferenceEvent[] = [];
	let state = from;
	for (let index = 0; index < 200; index++) {
		const action = nextReferenceAction(s, state);
		if (action === null) return events;
		const at = new Date(referenceStart + index * referenceSpacingMs).toISOString();
		const result = apply(state, action, { now: () => at });
		if (!result.ok) {
			throw new Error(`reference of ${s.id} refused ${action.type}: ${result.refusal.code}`);
		}
		events.push({ at, action, outcome: "ok", step: actionStep(s, state, action) });
		state = result.state;
	}
	throw new Error(`reference of ${s.id} does not finish`);
}
