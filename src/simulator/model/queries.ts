import type { Permission, RoleId } from "./roles.ts";
import type { State, User } from "./state.ts";
import { normaliseEmail } from "./email.ts";

/** Read-only helpers over the state, shared by the reducer, the process checks and the grader. */

export function findUser(state: State, id: string | null): User | undefined {
	if (id === null) return undefined;
	return state.users.find((u) => u.id === id);
}

export function findUserByEmail(state: State, email: string): User | undefined {
	const wanted = normaliseEmail(email);
	return state.users.find((u) => u.email === wanted);
}

/** The partner's own user: the one the trainee is signed in as. */
export function signedInUser(state: State): User | undefined {
	return findUser(state, state.signedInUserId);
}

export function hasRole(user: User | undefined, role: RoleId): boolean {
	return user !== undefined && user.roles.includes(role);
}

export function administratorCount(state: State): number {
	let count = 0;
	for (const u of state.users) if (u.roles.includes("administration")) count++;
	return count;
}

export function userCan(state: State, user: User | undefined, permission: Permission): boolean {
	if (user === undefined) return false;
	for (const roleId of user.roles) {
		const role = state.roles.find((r) => r.id === roleId);
		if (role !== undefined && role.permissions.includes(permission)) return true;
	}
	return false;
}

export function fullName(user: { firstName: string; lastName: string }): string {
	return `${user.firstName} ${user.lastName}`.trim();
}
