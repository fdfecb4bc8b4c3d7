import type { State, User } from "../model/state.ts";
import { nameKey } from "../model/text.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { requirementsOf } from "./requirements.ts";
import { leafStepIds, type LeafStepId } from "./steps.ts";

/**
 * Which step checks a change of the state can matter to. Grading re-runs a check only then, which
 * keeps long logs fast; a property test compares the result with checking every step after every
 * event. The reducer never mutates, so a part of the state that did not change keeps its identity,
 * and it replaces only the items it changes.
 */

/** A bit per step, in procedure order. */
const bit = (leaf: LeafStepId) => 1 << leafStepIds.indexOf(leaf);

const order = bit("order-account");
const labels = bit("design-labels");
const configurations = bit("build-configurations");
const integrations = bit("configure-data-integrations");
const users = bit("add-users-and-roles");
const contact = bit("invite-guest-user") | bit("grant-administration") | bit("send-invitation");
const invitation = bit("send-invitation");
const stepDown = bit("step-down-to-service-provider");
const recipients = bit("edit-notification-recipients");
const anyUser = users | contact | stepDown;

/** For every set of steps (as a bit mask), the steps in procedure order. */
const stepsByMask: readonly (readonly LeafStepId[])[] = Array.from(
	{ length: 1 << leafStepIds.length },
	(_, mask) => leafStepIds.filter((leaf) => (bit(leaf) & mask) !== 0),
);

/** Whether items were added, removed, reordered or renamed (other edits keep ids and names). */
function renamed(
	before: readonly { id: string; name: string }[],
	after: readonly { id: string; name: string }[],
): boolean {
	if (before.length !== after.length) return true;
	for (let i = 0; i < before.length; i++) {
		const old = before[i] as { id: string; name: string };
		const now = after[i] as { id: string; name: string };
		if (old !== now && (old.id !== now.id || nameKey(old.name) !== nameKey(now.name))) return true;
	}
	return false;
}

/** The user steps a change of users can matter to, judged by the users whose objects changed. */
function userChange(s: Scenario, before: State, after: State): number {
	if (before.users.length !== after.users.length) return anyUser;
	const required = requirementsOf(s);
	let mask = 0;
	for (let i = 0; i < before.users.length; i++) {
		const old = before.users[i] as User;
		const now = after.users[i] as User;
		if (old === now) continue;
		if (old.id !== now.id) return anyUser;
		// Addresses never change, so the old and new versions share theirs.
		if (required.userEmails.has(now.email)) mask |= users;
		if (now.email === required.contact.email) mask |= contact;
		if (now.id === after.signedInUserId) mask |= stepDown;
	}
	return mask;
}

/**
 * The steps whose checks may answer differently after a change, in procedure order. A check is left
 * out only if nothing it reads changed in a way that can matter: editing an operator's roles cannot
 * change whether the customer holds Administration, and stopping a configuration cannot change
 * which configuration an integration feeds.
 */
export function affectedSteps(s: Scenario, before: State, after: State): readonly LeafStepId[] {
	let mask = 0;
	if (before.account !== after.account) mask |= order;
	if (before.labels !== after.labels) {
		mask |= labels;
		// Configurations refer to labels by id, and are checked against the label's name only.
		if (renamed(before.labels, after.labels)) mask |= configurations;
	}
	if (before.configurations !== after.configurations) {
		mask |= configurations;
		if (renamed(before.configurations, after.configurations)) mask |= integrations;
	}
	if (before.integrations !== after.integrations) mask |= integrations;
	if (before.signedInUserId !== after.signedInUserId) mask |= anyUser;
	else if (before.users !== after.users) mask |= userChange(s, before, after);
	if (before.mailbox !== after.mailbox) mask |= invitation;
	if (before.notificationRecipients !== after.notificationRecipients) mask |= recipients;
	return stepsByMask[mask] ?? leafStepIds;
}
