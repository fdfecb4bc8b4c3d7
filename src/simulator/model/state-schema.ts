import * as z from "zod/mini";
import { defaultRoles, permissions, roleIdSchema } from "./roles.ts";
import { integrationKinds, mailKinds, triggers, userKinds, userStatuses } from "./vocabulary.ts";

/**
 * The simulated Loftware Cloud account as a zod schema: the source of the TypeScript types in
 * `state.ts`; its refinements state the invariants the reducer keeps (unique ids, references that
 * resolve, at least one Administration member), so tests can validate any reachable state against
 * it. State is never read from outside (it is replayed from the event log), so only tests and tools
 * parse with it; `state.ts` imports it for types only, which keeps it out of the browser's bundle.
 */

const timestamp = z.iso.datetime();
const id = z.string().check(z.minLength(1));

export const roleSchema = z.object({
	id: roleIdSchema,
	permissions: z.array(z.enum(permissions)),
});

export const partnerSchema = z.object({
	firstName: z.string().check(z.minLength(1)),
	lastName: z.string().check(z.minLength(1)),
	email: z.string().check(z.minLength(3)),
	company: z.string().check(z.minLength(1)),
});

/** The order as sent to Loftware; it cannot be changed afterwards. */
export const accountSchema = z.object({
	name: z.string(),
	contactEmail: z.string(),
	/** The note on the order that the account is being set up for a customer, and for whom. */
	forCustomer: z.boolean(),
	customerName: z.string(),
	note: z.string(),
	orderedAt: timestamp,
});

export const userSchema = z.object({
	id,
	firstName: z.string(),
	lastName: z.string(),
	email: z.string(),
	kind: z.enum(userKinds),
	status: z.enum(userStatuses),
	roles: z.array(roleIdSchema).check(z.minLength(1)),
	createdAt: timestamp,
	activatedAt: z.nullable(timestamp),
});

export const labelSchema = z.object({
	id,
	name: z.string(),
	widthMm: z.int(),
	heightMm: z.int(),
	printer: z.string(),
	fields: z.array(z.string()),
	createdAt: timestamp,
	updatedAt: timestamp,
});

export const configurationSchema = z.object({
	id,
	name: z.string(),
	trigger: z.enum(triggers),
	labelId: id,
	status: z.enum(["started", "stopped"]),
	createdAt: timestamp,
	updatedAt: timestamp,
});

export const integrationSchema = z.object({
	id,
	name: z.string(),
	kind: z.enum(integrationKinds),
	configurationId: z.nullable(id),
	createdAt: timestamp,
	updatedAt: timestamp,
});

export const mailSchema = z.object({
	id,
	at: timestamp,
	kind: z.enum(mailKinds),
	to: z.array(z.string()).check(z.minLength(1)),
	/** The user the mail is about (the invitee, the activated user), if any. */
	userId: z.nullable(id),
	params: z.record(z.string(), z.string()),
});

export const stateSchema = z
	.object({
		/** Next value of the id sequence; ids are derived from it so replays give the same ids. */
		seq: z.int().check(z.minimum(1)),
		partner: partnerSchema,
		account: z.nullable(accountSchema),
		/**
		 * The user the trainee is signed in as (the partner's own user); null before the order, and
		 * after the partner removed their own user from the account.
		 */
		signedInUserId: z.nullable(id),
		roles: z.array(roleSchema).check(z.length(defaultRoles.length)),
		users: z.array(userSchema),
		labels: z.array(labelSchema),
		configurations: z.array(configurationSchema),
		integrations: z.array(integrationSchema),
		notificationRecipients: z.array(z.string()),
		mailbox: z.array(mailSchema),
	})
	.check(
		z.superRefine((state, ctx) => {
			const ids = new Set<string>();
			const all = [
				...state.users,
				...state.labels,
				...state.configurations,
				...state.integrations,
				...state.mailbox,
			];
			for (const item of all) {
				if (ids.has(item.id)) ctx.addIssue({ code: "custom", message: `duplicate id ${item.id}` });
				ids.add(item.id);
			}
			const labelIds = new Set(state.labels.map((l) => l.id));
			for (const c of state.configurations) {
				if (!labelIds.has(c.labelId)) {
					ctx.addIssue({ code: "custom", message: `configuration ${c.id} uses missing label` });
				}
			}
			const configurationIds = new Set(state.configurations.map((c) => c.id));
			for (const i of state.integrations) {
				if (i.configurationId !== null && !configurationIds.has(i.configurationId)) {
					ctx.addIssue({
						code: "custom",
						message: `integration ${i.id} feeds missing configuration`,
					});
				}
			}
			const emails = new Set<string>();
			for (const u of state.users) {
				if (emails.has(u.email))
					ctx.addIssue({ code: "custom", message: `duplicate e-mail ${u.email}` });
				emails.add(u.email);
			}
			if (state.account === null) {
				if (state.signedInUserId !== null || state.users.length > 0) {
					ctx.addIssue({ code: "custom", message: "users exist before the account was ordered" });
				}
				return;
			}
			if (
				state.signedInUserId !== null &&
				!state.users.some((u) => u.id === state.signedInUserId)
			) {
				ctx.addIssue({ code: "custom", message: "the signed-in user is not in the account" });
			}
			if (!state.users.some((u) => u.roles.includes("administration"))) {
				ctx.addIssue({ code: "custom", message: "no member of Administration" });
			}
		}),
	);
