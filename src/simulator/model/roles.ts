/**
 * The seven default access roles of Control Center and what each may do in the simulator.
 * Role ids are stable (they appear in attempt files); display names live in the i18n files.
 */
import * as z from "zod/mini";

export const roleIds = [
	"administration",
	"service-provider",
	"author",
	"operator",
	"approver",
	"approver-second-level",
	"cloud-integrator",
] as const;
export type RoleId = (typeof roleIds)[number];
export const roleIdSchema = z.enum(roleIds);

// Each vocabulary of the core is a const list with its type and schema derived from it (as
// refusal codes and step ids are), so the list is the one place a new value is added.
export const permissions = [
	"manage-users",
	"manage-labels",
	"manage-configurations",
	"run-configurations",
	"manage-integrations",
	"manage-notifications",
] as const;
export type Permission = (typeof permissions)[number];

export interface RoleDefinition {
	readonly id: RoleId;
	readonly permissions: readonly Permission[];
}

/**
 * Administration holds every permission. Service Provider may do everything staging needs as well;
 * the one thing it may not do, granting itself Administration again, is a rule in the user handler
 * because it depends on who the target is, not on a permission.
 */
export const defaultRoles: readonly RoleDefinition[] = [
	{ id: "administration", permissions },
	{ id: "service-provider", permissions },
	{ id: "author", permissions: ["manage-labels"] },
	{ id: "operator", permissions: ["run-configurations"] },
	{ id: "approver", permissions: [] },
	{ id: "approver-second-level", permissions: [] },
	{ id: "cloud-integrator", permissions: [] },
];

/** Roles in their canonical order, without duplicates, so equal role sets compare equal. */
export function canonicalRoles(roles: readonly RoleId[]): RoleId[] {
	return roleIds.filter((id) => roles.includes(id));
}

export function sameRoles(a: readonly RoleId[], b: readonly RoleId[]): boolean {
	const x = canonicalRoles(a);
	const y = canonicalRoles(b);
	return x.length === y.length && x.every((id, i) => id === y[i]);
}
