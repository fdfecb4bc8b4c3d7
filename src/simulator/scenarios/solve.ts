import type { AttemptEvent } from "../attempt/schema.ts";
import type { Action } from "../model/actions.ts";
import { apply } from "../model/apply.ts";
import { findUserByEmail } from "../model/queries.ts";
import { initialState, type State } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import type { LeafStepId } from "../process/steps.ts";
import { addressOf, contactOf, personByKey } from "./people.ts";
import type { Scenario } from "./schema.ts";

/** Reference events start at a fixed time, one minute apart, so `solve` output is reproducible. */
export const referenceStart = Date.UTC(2026, 0, 5, 8, 0, 0);
export const referenceSpacingMs = 60_000;

/**
 * One step of a plan. The action is built from the state at the moment it runs, so entity ids are
 * looked up as a UI would; plans can therefore be reordered or edited without breaking references.
 */
export interface PlannedAction {
	readonly step: LeafStepId;
	readonly build: (state: State) => Action;
}

export interface ReferenceEvent extends AttemptEvent {
	/** The step this event accomplishes, used to cut the log at a start point. */
	readonly step: LeafStepId;
}

/** The state every attempt at a (varied) scenario starts from, before the account is ordered. */
export function startState(s: Scenario): State {
	return initialState(s.partner);
}

export function labelId(state: State, name: string): string {
	return state.labels.find((l) => nameKey(l.name) === nameKey(name))?.id ?? "";
}

export function configurationId(state: State, name: string): string {
	return state.configurations.find((c) => nameKey(c.name) === nameKey(name))?.id ?? "";
}

export function integrationId(state: State, name: string): string {
	return state.integrations.find((i) => nameKey(i.name) === nameKey(name))?.id ?? "";
}

export function userId(state: State, email: string): string {
	return findUserByEmail(state, email)?.id ?? "";
}

/** The order as the guide says: the partner's own address, noting the customer it is for. */
export function referenceOrder(s: Scenario): Action {
	return {
		type: "order-account",
		accountName: s.customer.accountName,
		contactEmail: s.partner.email,
		forCustomer: true,
		customerName: s.customer.company,
		// The box and the customer's name tell Loftware; the free note stays empty, so the demo,
		// which types this order on the screen, types nothing in a language the trainee did not pick.
		note: "",
	};
}

/** The documented procedure for a concrete (already varied) scenario, as a plan. */
export function referencePlan(s: Scenario): PlannedAction[] {
	const plan: PlannedAction[] = [];
	const add = (step: LeafStepId, build: (state: State) => Action) => plan.push({ step, build });

	add("order-account", () => referenceOrder(s));
	for (const l of s.labels) {
		add("design-labels", () => ({ type: "create-label", ...l, fields: [...l.fields] }));
	}
	for (const c of s.configurations) {
		add("build-configurations", (state) => ({
			type: "create-configuration",
			name: c.name,
			trigger: c.trigger,
			labelId: labelId(state, c.label),
		}));
		if (c.started) {
			add("build-configurations", (state) => ({
				type: "start-configuration",
				configurationId: configurationId(state, c.name),
			}));
		}
	}
	for (const i of s.integrations) {
		add("configure-data-integrations", (state) => ({
			type: "create-integration",
			name: i.name,
			kind: i.kind,
			configurationId: i.configuration === null ? null : configurationId(state, i.configuration),
		}));
	}
	for (const u of s.users) {
		const person = personByKey(s, u.person);
		if (person === undefined) continue;
		// The guide invites the customer's colleagues as guest users in step 2.
		add("add-users-and-roles", () => ({
			type: "invite-guest-user",
			firstName: person.firstName,
			lastName: person.lastName,
			email: person.email,
			roles: [...u.roles],
		}));
	}
	const contact = contactOf(s);
	add("invite-guest-user", () => ({
		type: "invite-guest-user",
		firstName: contact.firstName,
		lastName: contact.lastName,
		email: contact.email,
		roles: [...s.customer.contactRoles],
	}));
	add("step-down-to-service-provider", (state) => ({
		type: "set-user-roles",
		userId: state.signedInUserId ?? "",
		roles: ["service-provider"],
	}));
	add("edit-notification-recipients", () => ({
		type: "set-notification-recipients",
		text: s.recipients.map((key) => addressOf(s, key) ?? "").join("\n"),
	}));
	return plan;
}

/**
 * Runs a plan from the scenario's start state, one minute per event from `referenceStart`, and
 * records each event with its outcome (refused actions are kept, as in a real attempt).
 */
export function realise(
	s: Scenario,
	plan: readonly PlannedAction[],
	from: State = startState(s),
): ReferenceEvent[] {
	let state = from;
	return plan.map(({ step, build }, index) => {
		const at = new Date(referenceStart + index * referenceSpacingMs).toISOString();
		const action = build(state);
		const result = apply(state, action, { now: () => at });
		if (result.ok) state = result.state;
		return { at, action, outcome: result.ok ? "ok" : result.refusal.code, step };
	});
}

/** The reference solution of a concrete scenario; every event is accepted. */
export function referenceLog(s: Scenario): ReferenceEvent[] {
	const events = realise(s, referencePlan(s));
	const refused = events.find((e) => e.outcome !== "ok");
	if (refused !== undefined) {
		// Scenario files are validated; a refusal here means the scenario and the model disagree.
		throw new Error(
			`reference solution of ${s.id} refused ${refused.action.type}: ${refused.outcome}`,
		);
	}
	return events;
}
