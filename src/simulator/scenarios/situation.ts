import type { Action } from "../model/actions.ts";
import type { State } from "../model/state.ts";
import { stepRank } from "../process/order.ts";
import { contactOf } from "./people.ts";
import type { Scenario, SituationChange } from "./schema.ts";
import {
	realise,
	referencePlan,
	startState,
	type PlannedAction,
	type ReferenceEvent,
} from "./solve.ts";

/**
 * The situation a recovery or judgement scenario starts in (see `situationSchema`): the reference
 * solution up to a step, then the listed changes. Pure and seeded like everything else, so the
 * grader, the browser and the server build the same start state.
 */

/**
 * A mistyped address: two neighbouring letters of the local part swapped, as a hurried typist does
 * ("anna.schmidt" -> "anna.schmdit"); a letter doubled if the swap changes nothing.
 */
export function mistyped(email: string): string {
	const at = email.indexOf("@");
	const local = email.slice(0, at);
	const domain = email.slice(at);
	for (let i = local.length - 2; i > 0; i--) {
		const a = local[i] as string;
		const b = local[i + 1] as string;
		if (a !== b && /[a-z]/.test(a) && /[a-z]/.test(b)) {
			return `${local.slice(0, i)}${b}${a}${local.slice(i + 2)}${domain}`;
		}
	}
	return `${local}${local.at(-1) ?? "x"}${domain}`;
}

function change(s: Scenario, c: SituationChange): PlannedAction {
	switch (c.do) {
		case "invite-contact": {
			const contact = contactOf(s);
			return {
				step: "invite-guest-user",
				build: () => ({
					type: "invite-guest-user",
					firstName: contact.firstName,
					lastName: contact.lastName,
					email: c.typo === true ? mistyped(contact.email) : contact.email,
					roles: [...c.roles],
				}),
			};
		}
		case "step-down":
			return {
				step: "step-down-to-service-provider",
				build: (state: State): Action => ({
					type: "set-user-roles",
					userId: state.signedInUserId ?? "",
					roles: ["service-provider"],
				}),
			};
	}
}

/** The events that built a scenario's situation; empty for a scenario that starts from scratch. */
export function situationLog(s: Scenario): ReferenceEvent[] {
	const situation = s.situation;
	if (situation === undefined) return [];
	const rank = stepRank(situation.before);
	const plan = [
		...referencePlan(s).filter((p) => stepRank(p.step) < rank),
		...situation.then.map((c) => change(s, c)),
	];
	const events = realise(s, plan, startState(s));
	const refused = events.find((e) => e.outcome !== "ok");
	if (refused !== undefined) {
		throw new Error(`situation of ${s.id} refused ${refused.action.type}: ${refused.outcome}`);
	}
	return events;
}
