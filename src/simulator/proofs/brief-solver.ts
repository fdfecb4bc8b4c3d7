import type { AttemptEvent } from "../attempt/schema.ts";
import type { Action } from "../model/actions.ts";
import { apply } from "../model/apply.ts";
import { roleIds, type RoleId } from "../model/roles.ts";
import type { State } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import {
	integrationKinds,
	triggers,
	type IntegrationKind,
	type Trigger,
} from "../model/vocabulary.ts";

/**
 * The test of fairness: a trainee who knows the procedure and reads only the screen. It gets the
 * requirements table as displayed text (sections of rows of cells, each cell its shown values) and
 * the labels of the Control Center's own controls (dropdown options, checkbox names), never the
 * scenario. From the account as the screen shows it, it picks the next action, in the documented
 * order. If the table leaves out anything the grader checks, the attempt it builds scores below
 * 100, and the fairness test fails.
 */

export interface ShownSection {
	readonly id: string;
	readonly rows: readonly (readonly { readonly values: readonly string[] }[])[];
}

/** The screen's own labels in the page's language, as the trainee sees them on controls. */
export type Labels = (key: string) => string;

interface Reading {
	readonly accountName: string;
	readonly orderWith: string;
	readonly customerName: string;
	readonly labels: readonly {
		name: string;
		widthMm: number;
		heightMm: number;
		printer: string;
		fields: string[];
	}[];
	readonly configurations: readonly {
		name: string;
		trigger: Trigger;
		label: string;
		started: boolean;
	}[];
	readonly integrations: readonly {
		name: string;
		kind: IntegrationKind;
		configuration: string | null;
	}[];
	readonly users: readonly Person[];
	readonly contact: Person;
	readonly ownRoles: readonly RoleId[];
	readonly recipients: readonly string[];
}

interface Person {
	readonly firstName: string;
	readonly lastName: string;
	readonly email: string;
	readonly roles: RoleId[];
}

function reverse<T extends string>(ids: readonly T[], label: (id: T) => string) {
	const map = new Map(ids.map((id) => [label(id), id]));
	return (shown: string): T => {
		const id = map.get(shown);
		if (id === undefined) throw new Error(`no control is labelled "${shown}"`);
		return id;
	};
}

/** Reads the shown table into what has to be done; throws if a needed section is missing. */
export function read(sections: readonly ShownSection[], l: Labels): Reading {
	const section = (id: string) => sections.find((s) => s.id === id)?.rows ?? [];
	const one = (cell: { values: readonly string[] } | undefined) => cell?.values[0] ?? "";
	const trigger = reverse(triggers, (id) => l(`triggers.${id}`));
	const kind = reverse(integrationKinds, (id) => l(`integrationKinds.${id}`));
	const role = reverse(roleIds, (id) => l(`roles.${id}.name`));
	const person = (row: readonly { values: readonly string[] }[]): Person => {
		const [first = "", ...rest] = one(row[0]).split(" ");
		return {
			firstName: first,
			lastName: rest.join(" ") || first,
			email: one(row[1]),
			roles: (row[2]?.values ?? []).map(role),
		};
	};
	const account = new Map(section("account").map((row) => [one(row[0]), one(row[1])]));
	const handover = section("handover");
	if (account.size === 0 || handover.length < 2) throw new Error("the table lacks the handover");
	return {
		accountName: account.get(l("fields.accountName")) ?? "",
		orderWith: account.get(l("fields.contactEmail")) ?? "",
		customerName: account.get(l("fields.customerName")) ?? "",
		labels: section("labels").map((row) => {
			const size = /^(\d+) × (\d+) mm$/.exec(one(row[1]));
			if (size === null) throw new Error(`unreadable size "${one(row[1])}"`);
			return {
				name: one(row[0]),
				widthMm: Number(size[1]),
				heightMm: Number(size[2]),
				printer: one(row[2]),
				fields: [...(row[3]?.values ?? [])],
			};
		}),
		configurations: section("configurations").map((row) => ({
			name: one(row[0]),
			trigger: trigger(one(row[1])),
			label: one(row[2]),
			started: one(row[3]) === l("configurationStatus.started"),
		})),
		integrations: section("integrations").map((row) => ({
			name: one(row[0]),
			kind: kind(one(row[1])),
			configuration: one(row[2]) === l("ui.requirements.none") ? null : one(row[2]),
		})),
		users: section("users").map(person),
		contact: person(handover[0]!),
		ownRoles: person(handover[1]!).roles,
		recipients: section("recipients").map((row) => one(row[0])),
	};
}

const byName = <T extends { name: string }>(items: readonly T[], name: string) =>
	items.find((i) => nameKey(i.name) === nameKey(name));
const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((x) => b.includes(x));

/** The next action in the documented order, judged from the account as shown; null when done. */
export function nextAction(r: Reading, state: State): Action | null {
	if (state.account === null) {
		return {
			type: "order-account",
			accountName: r.accountName,
			contactEmail: r.orderWith,
			forCustomer: true,
			customerName: r.customerName,
			note: "",
		};
	}
	for (const l of r.labels) {
		const found = byName(state.labels, l.name);
		if (found === undefined) return { type: "create-label", ...l };
		const same =
			found.widthMm === l.widthMm &&
			found.heightMm === l.heightMm &&
			found.printer === l.printer &&
			sameSet(found.fields, l.fields);
		if (!same) return { type: "edit-label", labelId: found.id, ...l };
	}
	for (const c of r.configurations) {
		const found = byName(state.configurations, c.name);
		const labelId = byName(state.labels, c.label)?.id ?? "";
		if (found === undefined) {
			return { type: "create-configuration", name: c.name, trigger: c.trigger, labelId };
		}
		if (found.trigger !== c.trigger || found.labelId !== labelId) {
			return {
				type: "edit-configuration",
				configurationId: found.id,
				name: c.name,
				trigger: c.trigger,
				labelId,
			};
		}
		if (c.started && found.status !== "started") {
			return { type: "start-configuration", configurationId: found.id };
		}
	}
	for (const i of r.integrations) {
		const found = byName(state.integrations, i.name);
		const configurationId =
			i.configuration === null ? null : (byName(state.configurations, i.configuration)?.id ?? "");
		if (found === undefined) {
			return { type: "create-integration", name: i.name, kind: i.kind, configurationId };
		}
		if (
			found.kind !== i.kind ||
			(i.configuration !== null && found.configurationId !== configurationId)
		) {
			return {
				type: "edit-integration",
				integrationId: found.id,
				name: i.name,
				kind: i.kind,
				configurationId,
			};
		}
	}
	const self = state.signedInUserId;
	const ensure = (p: Person): Action | null => {
		const found = state.users.find((u) => u.email === p.email && u.id !== self);
		if (found === undefined) return { type: "invite-guest-user", ...p, roles: [...p.roles] };
		return sameSet(found.roles, p.roles)
			? null
			: { type: "set-user-roles", userId: found.id, roles: [...p.roles] };
	};
	for (const u of r.users) {
		const action = ensure(u);
		if (action !== null) return action;
	}
	const handover = ensure(r.contact);
	if (handover !== null) return handover;
	// Users the table does not list (a mistyped invitation) go, once the customer holds the role.
	const listed = new Set([...r.users.map((u) => u.email), r.contact.email]);
	const stray = state.users.find((u) => u.id !== self && !listed.has(u.email));
	if (stray !== undefined) return { type: "remove-user", userId: stray.id };
	const own = state.users.find((u) => u.id === self);
	if (own !== undefined && !sameSet(own.roles, r.ownRoles)) {
		return { type: "set-user-roles", userId: own.id, roles: [...r.ownRoles] };
	}
	if (!sameSet(state.notificationRecipients, r.recipients)) {
		return { type: "set-notification-recipients", text: r.recipients.join("\n") };
	}
	return null;
}

/**
 * The brief-only trainee's attempt from `from`: acts on what the shown table says, one minute per
 * action, until nothing is left to do. Throws when an action is refused or it never finishes: a
 * table that cannot be followed.
 */
export function attemptFromTable(
	shown: readonly ShownSection[],
	l: Labels,
	from: State,
): AttemptEvent[] {
	const reading = read(shown, l);
	const events: AttemptEvent[] = [];
	let state = from;
	for (let i = 0; i < 200; i++) {
		const action = nextAction(reading, state);
		if (action === null) return events;
		const at = new Date(Date.UTC(2026, 0, 5, 8, i)).toISOString();
		const applied = apply(state, action, { now: () => at });
		events.push({ at, action, outcome: applied.ok ? "ok" : applied.refusal.code });
		if (!applied.ok) throw new Error(`${action.type} refused: ${applied.refusal.code}`);
		state = applied.state;
	}
	throw new Error("the trainee never finishes");
}
