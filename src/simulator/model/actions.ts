import * as z from "zod/mini";
import { roleIdSchema } from "./roles.ts";
import { integrationKinds, triggers } from "./vocabulary.ts";

/**
 * Everything a trainee (or, for `activate-invitation`, the invited customer) can do. The `type` values
 * are a public contract: they appear in attempt files. The schemas check structure only; content rules
 * (lengths, e-mail syntax, duplicates, permissions) belong to `apply`, which answers them with a refusal
 * naming the field, so a bad value is a recorded mistake rather than an invalid file.
 */

const ref = z.string();
const roles = z.array(roleIdSchema);

const labelFields = {
	name: z.string(),
	widthMm: z.number(),
	heightMm: z.number(),
	printer: z.string(),
	fields: z.array(z.string()),
};
const configurationFields = { name: z.string(), trigger: z.enum(triggers), labelId: ref };
const integrationFields = {
	name: z.string(),
	kind: z.enum(integrationKinds),
	configurationId: z.nullable(ref),
};
const personFields = { firstName: z.string(), lastName: z.string(), email: z.string(), roles };

export const orderAccountSchema = z.object({
	type: z.literal("order-account"),
	accountName: z.string(),
	contactEmail: z.string(),
	forCustomer: z.boolean(),
	customerName: z.string(),
	note: z.optional(z.string()),
});
export const createLabelSchema = z.object({ type: z.literal("create-label"), ...labelFields });
export const editLabelSchema = z.object({
	type: z.literal("edit-label"),
	labelId: ref,
	...labelFields,
});
export const deleteLabelSchema = z.object({ type: z.literal("delete-label"), labelId: ref });
// Each action is written out whole, so its JSON shape in an attempt file can be read here at a
// glance.
export const createConfigurationSchema = z.object({
	type: z.literal("create-configuration"),
	...configurationFields,
});
export const editConfigurationSchema = z.object({
	type: z.literal("edit-configuration"),
	configurationId: ref,
	...configurationFields,
});
export const deleteConfigurationSchema = z.object({
	type: z.literal("delete-configuration"),
	configurationId: ref,
});
export const startConfigurationSchema = z.object({
	type: z.literal("start-configuration"),
	configurationId: ref,
});
export const stopConfigurationSchema = z.object({
	type: z.literal("stop-configuration"),
	configurationId: ref,
});
export const createIntegrationSchema = z.object({
	type: z.literal("create-integration"),
	...integrationFields,
});
export const editIntegrationSchema = z.object({
	type: z.literal("edit-integration"),
	integrationId: ref,
	...integrationFields,
});
export const deleteIntegrationSchema = z.object({
	type: z.literal("delete-integration"),
	integrationId: ref,
});
/** Adds an organizational user from the customer's directory: active at once, no e-mail sent. */
export const addUserSchema = z.object({ type: z.literal("add-user"), ...personFields });
/** Invites a guest user: status Invited, and the activation e-mail goes out (the Invite button). */
export const inviteGuestUserSchema = z.object({
	type: z.literal("invite-guest-user"),
	...personFields,
});
/** Changes a user's name; the e-mail address of a user cannot be edited. */
export const editUserSchema = z.object({
	type: z.literal("edit-user"),
	userId: ref,
	firstName: z.string(),
	lastName: z.string(),
});
export const setUserRolesSchema = z.object({
	type: z.literal("set-user-roles"),
	userId: ref,
	roles,
});
export const removeUserSchema = z.object({ type: z.literal("remove-user"), userId: ref });
export const resendInvitationSchema = z.object({
	type: z.literal("resend-invitation"),
	userId: ref,
});
/** Performed by the invited user following the e-mail link, not by the signed-in partner. */
export const activateInvitationSchema = z.object({
	type: z.literal("activate-invitation"),
	userId: ref,
});
/** The raw text of the "Loftware Cloud notification recipients" window, one address per line. */
export const setNotificationRecipientsSchema = z.object({
	type: z.literal("set-notification-recipients"),
	text: z.string(),
});

export const actionSchema = z.discriminatedUnion("type", [
	orderAccountSchema,
	createLabelSchema,
	editLabelSchema,
	deleteLabelSchema,
	createConfigurationSchema,
	editConfigurationSchema,
	deleteConfigurationSchema,
	startConfigurationSchema,
	stopConfigurationSchema,
	createIntegrationSchema,
	editIntegrationSchema,
	deleteIntegrationSchema,
	addUserSchema,
	inviteGuestUserSchema,
	editUserSchema,
	setUserRolesSchema,
	removeUserSchema,
	resendInvitationSchema,
	activateInvitationSchema,
	setNotificationRecipientsSchema,
]);

export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action["type"];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export const actionTypes = actionSchema.def.options.map(
	(o) => o.shape.type.def.values[0],
) as ActionType[];
