import type { ServerContext } from "../context.ts";
import { checkCohortInput, type FieldProblems } from "./input.ts";
import type { Cohort } from "./store.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";
import { mayAccess, mayManage } from "../access/accounts.ts";
import type { AuditAction, AuditEntryInput } from "../access/audit.ts";
import { actorOf, type Acting } from "../access/sign-in.ts";

export type Saved =
	| { readonly ok: true; readonly cohort: Cohort }
	| { readonly ok: false; readonly problems: FieldProblems }
	| { readonly ok: false; readonly notFound: true }
	| { readonly ok: false; readonly closed: true };

/** An audit entry of what `acting` did to `cohort`. */
function recordCohort(
	ctx: ServerContext,
	acting: Acting,
	action: AuditAction,
	cohort: Cohort,
	details?: AuditEntryInput["details"],
): Promise<void> {
	return ctx.audit.record({
		actor: actorOf(acting.trainer),
		action,
		targetType: "cohort",
		targetId: cohort.id,
		target: cohort.name,
		...(details === undefined ? {} : { details }),
		address: acting.address,
	});
}

/**
 * The cohort `id` names if `acting` may see it (its owner, or an administrator); undefined
 * otherwise, so another trainer's cohort answers exactly as a missing one.
 */
export async function visibleCohort(
	ctx: ServerContext,
	id: string | undefined,
	acting: Pick<Acting, "trainer">,
): Promise<Cohort | undefined> {
	const cohort = id === undefined ? undefined : await ctx.cohorts.get(id);
	return cohort !== undefined && mayAccess(acting.trainer, cohort) ? cohort : undefined;
}

/**
 * Checks and stores a cohort, new (`id` null, owned by the acting trainer) or changed, for the
 * trainer's form and the API alike: a refused body stores nothing and names each field's problem.
 * What is stored goes into the audit trail.
 */
export async function saveCohort(
	ctx: ServerContext,
	id: string | null,
	value: unknown,
	now: Date,
	acting: Acting,
): Promise<Saved> {
	const existing = id === null ? undefined : await visibleCohort(ctx, id, acting);
	if (id !== null && existing === undefined) return { ok: false, notFound: true };
	// A closed cohort's settings stay as they were when it closed, until it is reopened.
	if (existing?.closedAt != null) return { ok: false, closed: true };
	// A trainer assigns their own published scenarios (an administrator anyone's).
	const published = new Set(
		(await ctx.scenarios.list())
			.filter((s) => s.publishedVersion !== null && mayAccess(acting.trainer, s))
			.map((s) => s.id),
	);
	const checked = checkCohortInput(
		value,
		(id) => getScenario(id) !== undefined || published.has(id),
	);
	if (!checked.ok) return checked;
	const result =
		id === null
			? await ctx.cohorts.create(checked.input, now, acting.trainer.id)
			: await ctx.cohorts.update(id, checked.input, now);
	if (result === "not-found") return { ok: false, notFound: true };
	if (result === "taken") return { ok: false, problems: { code: "taken" } };
	await recordCohort(ctx, acting, id === null ? "cohort-created" : "cohort-changed", result);
	return { ok: true, cohort: result };
}

/**
 * Hands a cohort to another active account; administrators only (the owner of a cohort who
 * leaves is disabled, and their cohorts stay for someone else). Undefined if refused.
 */
export async function handOverCohort(
	ctx: ServerContext,
	id: string,
	ownerId: string,
	now: Date,
	acting: Acting,
): Promise<Cohort | undefined> {
	if (acting.trainer.role !== "admin") return undefined;
	const cohort = await ctx.cohorts.get(id);
	const owner = await ctx.accounts.get(ownerId);
	if (cohort === undefined || owner === null || owner.state !== "active") return undefined;
	const changed = await ctx.cohorts.setOwner(id, owner.id, now);
	await recordCohort(ctx, acting, "cohort-changed", cohort, { owner: owner.email });
	return changed;
}

/**
 * Shares a cohort with every trainer, or ends the sharing: its owner or an administrator may.
 * Undefined if refused.
 */
export async function shareCohort(
	ctx: ServerContext,
	id: string,
	shared: boolean,
	now: Date,
	acting: Acting,
): Promise<Cohort | undefined> {
	const cohort = await ctx.cohorts.get(id);
	if (cohort === undefined) return undefined;
	if (!mayManage(acting.trainer, cohort)) return undefined;
	const changed = await ctx.cohorts.setShared(id, shared, now);
	await recordCohort(ctx, acting, "cohort-changed", cohort, { shared });
	return changed;
}

/** Closes a cohort the acting trainer may see, now; undefined if they may not (or it is gone). */
export async function closeCohort(
	ctx: ServerContext,
	id: string | undefined,
	now: Date,
	acting: Acting,
): Promise<Cohort | undefined> {
	const cohort = await visibleCohort(ctx, id, acting);
	if (cohort === undefined) return undefined;
	const closed = await ctx.cohorts.close(cohort.id, now);
	if (closed !== undefined && cohort.closedAt === null) {
		await recordCohort(ctx, acting, "cohort-closed", closed);
	}
	return closed;
}

/**
 * Opens a closed cohort again, an explicit step of its own: its settings can then change, and
 * its days decide again whether trainees may start. Undefined if `acting` may not see it.
 */
export async function reopenCohort(
	ctx: ServerContext,
	id: string | undefined,
	now: Date,
	acting: Acting,
): Promise<Cohort | undefined> {
	const cohort = await visibleCohort(ctx, id, acting);
	if (cohort === undefined) return undefined;
	if (cohort.closedAt === null) return cohort;
	const reopened = await ctx.cohorts.reopen(cohort.id, now);
	if (reopened !== undefined) await recordCohort(ctx, acting, "cohort-reopened", reopened);
	return reopened;
}
