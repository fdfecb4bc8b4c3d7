import type * as z from "zod/mini";
import { defaultRoles } from "./roles.ts";
import type {
	accountSchema,
	configurationSchema,
	integrationSchema,
	labelSchema,
	mailSchema,
	partnerSchema,
	roleSchema,
	stateSchema,
	userSchema,
} from "./state-schema.ts";
import { normaliseEmail } from "./email.ts";

/** The simulated Loftware Cloud account; the types come from the schemas in `state-schema.ts`. */
// One alias per schema, as every schema module here has them (scenarios/schema.ts too): the
// types are spelled once, by zod, and these lines only name them.
export type State = z.infer<typeof stateSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type Account = z.infer<typeof accountSchema>;
export type User = z.infer<typeof userSchema>;
export type Label = z.infer<typeof labelSchema>;
export type Configuration = z.infer<typeof configurationSchema>;
export type Integration = z.infer<typeof integrationSchema>;
export type Mail = z.infer<typeof mailSchema>;
export type Role = z.infer<typeof roleSchema>;

/** The state before the order: only the partner (the trainee) and the default roles exist. */
export function initialState(partner: Partner): State {
	return {
		seq: 1,
		partner: { ...partner, email: normaliseEmail(partner.email) },
		account: null,
		signedInUserId: null,
		roles: defaultRoles.map((r) => ({ id: r.id, permissions: [...r.permissions] })),
		users: [],
		labels: [],
		configurations: [],
		integrations: [],
		notificationRecipients: [],
		mailbox: [],
	};
}
