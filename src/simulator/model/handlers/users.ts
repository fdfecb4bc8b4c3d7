import type { ActionOf } from "../actions.ts";
import { newId, type ApplyContext, type Effect } from "../context.ts";
import { checkEmail } from "../email.ts";
import { limits } from "../limits.ts";
import { composeMail } from "../mail.ts";
import { administratorCount, fullName, signedInUser } from "../queries.ts";
import { refusal, type Refusal } from "../refusal.ts";
import { accepted, refuse, refused, type ApplyResult } from "../result.ts";
import { canonicalRoles, type RoleId } from "../roles.ts";
import type { State, User } from "../state.ts";
import { checkText } from "../text.ts";

type PersonInput = Omit<ActionOf<"add-user">, "type">;
type PersonFields = Pick<User, "firstName" | "lastName" | "email" | "roles">;

function checkNames(input: {
	firstName: string;
	lastName: string;
}): Pick<User, "firstName" | "lastName"> | Refusal {
	const firstName = checkText(input.firstName, "firstName", limits.personName);
	if (typeof firstName !== "string") return firstName;
	const lastName = checkText(input.lastName, "lastName", limits.personName);
	if (typeof lastName !== "string") return lastName;
	return { firstName, lastName };
}

/** Every user belongs to at least one access role. */
function checkRoles(roles: readonly RoleId[]): RoleId[] | Refusal {
	const canonical = canonicalRoles(roles);
	return canonical.length === 0 ? refusal("roles-required", "roles") : canonical;
}

function checkPerson(state: State, input: PersonInput): PersonFields | Refusal {
	const names = checkNames(input);
	if ("code" in names) return names;
	const email = checkEmail(input.email, "email");
	if (typeof email !== "string") return email;
	if (state.users.some((u) => u.email === email)) return refusal("duplicate-email", "email");
	const roles = checkRoles(input.roles);
	if ("code" in roles) return roles;
	return { ...names, email, roles };
}

function invitationMail(state: State, ctx: ApplyContext, seq: number, at: string, user: User) {
	const inviter = signedInUser(state);
	return composeMail(ctx, seq, at, "invitation", [user.email], user.id, {
		accountName: state.account?.name ?? "",
		name: fullName(user),
		inviter: inviter === undefined ? "" : fullName(inviter),
	});
}

/**
 * A new user from the checked person: an organizational user (from the customer's directory) is
 * active at once; a guest is Invited until following the link in the activation e-mail.
 */
function newUser(
	state: State,
	input: PersonInput,
	ctx: ApplyContext,
	kind: User["kind"],
): User | Refusal {
	const fields = checkPerson(state, input);
	if ("code" in fields) return fields;
	const at = ctx.now();
	const guest = kind === "guest";
	return {
		id: newId(ctx, "user", state.seq),
		...fields,
		kind,
		status: guest ? "invited" : "active",
		createdAt: at,
		activatedAt: guest ? null : at,
	};
}

// The two ways to add a user differ only in what follows `newUser`; both stay separate handlers
// because each is its own action with its own permission and log entry.
/** Adds an organizational user: active at once, no e-mail. */
export function addUser(
	state: State,
	action: ActionOf<"add-user">,
	ctx: ApplyContext,
): ApplyResult {
	const user = newUser(state, action, ctx, "organizational");
	if ("code" in user) return refused(user);
	return accepted({ ...state, seq: state.seq + 1, users: [...state.users, user] }, [
		{ type: "created", entity: "user", id: user.id },
	]);
}

/** Invites a guest user and sends the activation e-mail. */
export function inviteGuestUser(
	state: State,
	action: ActionOf<"invite-guest-user">,
	ctx: ApplyContext,
): ApplyResult {
	const user = newUser(state, action, ctx, "guest");
	if ("code" in user) return refused(user);
	const mail = invitationMail(state, ctx, state.seq + 1, user.createdAt, user);
	return accepted(
		{
			...state,
			seq: state.seq + 2,
			users: [...state.users, user],
			mailbox: [...state.mailbox, mail],
		},
		[
			{ type: "created", entity: "user", id: user.id },
			{ type: "mail-sent", mailId: mail.id, kind: mail.kind, to: mail.to },
		],
	);
}

export function editUser(state: State, action: ActionOf<"edit-user">): ApplyResult {
	const index = state.users.findIndex((u) => u.id === action.userId);
	const current = state.users[index];
	if (current === undefined) return refuse("not-found", "userId");
	const names = checkNames(action);
	if ("code" in names) return refused(names);
	const users = state.users.slice();
	users[index] = { ...current, ...names };
	return accepted({ ...state, users });
}

export function setUserRoles(state: State, action: ActionOf<"set-user-roles">): ApplyResult {
	const index = state.users.findIndex((u) => u.id === action.userId);
	const current = state.users[index];
	if (current === undefined) return refuse("not-found", "userId");
	const roles = checkRoles(action.roles);
	if ("code" in roles) return refused(roles);
	const wasAdmin = current.roles.includes("administration");
	const staysAdmin = roles.includes("administration");
	// A Service Provider may do everything staging needs except take Administration back itself.
	if (current.id === state.signedInUserId && !wasAdmin && staysAdmin) {
		return refuse("self-administration", "roles");
	}
	if (wasAdmin && !staysAdmin && administratorCount(state) === 1) {
		return refuse("last-administrator", "roles");
	}
	const users = state.users.slice();
	users[index] = { ...current, roles };
	return accepted({ ...state, users });
}

/**
 * Removes a user. Removing yourself is possible, as in Control Center, and signs you out for good:
 * the partner loses the support access that the Service Provider role exists to keep.
 */
export function removeUser(state: State, action: ActionOf<"remove-user">): ApplyResult {
	const current = state.users.find((u) => u.id === action.userId);
	if (current === undefined) return refuse("not-found", "userId");
	if (current.roles.includes("administration") && administratorCount(state) === 1) {
		return refuse("last-administrator", "userId");
	}
	return accepted({
		...state,
		signedInUserId: current.id === state.signedInUserId ? null : state.signedInUserId,
		users: state.users.filter((u) => u.id !== current.id),
	});
}

function pendingInvitation(state: State, userId: string): User | Refusal {
	const user = state.users.find((u) => u.id === userId);
	if (user === undefined) return refusal("not-found", "userId");
	if (user.kind !== "guest" || user.status !== "invited") return refusal("not-invited", "userId");
	return user;
}

export function resendInvitation(
	state: State,
	action: ActionOf<"resend-invitation">,
	ctx: ApplyContext,
): ApplyResult {
	const user = pendingInvitation(state, action.userId);
	if ("code" in user) return refused(user);
	const mail = invitationMail(state, ctx, state.seq, ctx.now(), user);
	return accepted({ ...state, seq: state.seq + 1, mailbox: [...state.mailbox, mail] }, [
		{ type: "mail-sent", mailId: mail.id, kind: mail.kind, to: mail.to },
	]);
}

/**
 * The invited user follows the link in the activation e-mail (this is the customer acting, not the
 * signed-in partner). The notification recipients learn that the user is now active.
 */
export function activateInvitation(
	state: State,
	action: ActionOf<"activate-invitation">,
	ctx: ApplyContext,
): ApplyResult {
	const user = pendingInvitation(state, action.userId);
	if ("code" in user) return refused(user);
	const at = ctx.now();
	const activated: User = { ...user, status: "active", activatedAt: at };
	const users = state.users.map((u) => (u.id === user.id ? activated : u));
	const effects: Effect[] = [];
	let mailbox = state.mailbox;
	let seq = state.seq;
	if (state.notificationRecipients.length > 0) {
		const mail = composeMail(
			ctx,
			seq,
			at,
			"user-activated",
			state.notificationRecipients,
			user.id,
			{
				accountName: state.account?.name ?? "",
				name: fullName(user),
				email: user.email,
			},
		);
		mailbox = [...mailbox, mail];
		seq++;
		effects.push({ type: "mail-sent", mailId: mail.id, kind: mail.kind, to: mail.to });
	}
	return accepted({ ...state, seq, users, mailbox }, effects);
}
