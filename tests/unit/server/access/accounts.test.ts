import { describe, expect, test } from "vitest";
import { AccountStore, invitationHours } from "../../../../src/server/access/accounts.ts";
import { AuditLog } from "../../../../src/server/access/audit.ts";
import { hashPassword } from "../../../../src/server/access/password.ts";
import { signInCookie } from "../../../../src/server/access/trainer-auth.ts";
import { guard } from "../../../../src/server/errors.ts";
import {
	getCohort,
	listCohorts,
	saveCohortHandler,
} from "../../../../src/server/handlers/cohorts.ts";
import { shareCohort } from "../../../../src/server/cohorts/save.ts";
import { getAttempt } from "../../../../src/server/handlers/get.ts";
import type { ServerContext } from "../../../../src/server/context.ts";
import { meta, password, stores } from "../support.ts";

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const cohortSettings = {
	name: "Kohorte",
	code: "",
	scenarios: ["first-handover"],
	practice: false,
	sameSeed: true,
	opensOn: day(0),
	closesOn: day(7),
	attemptLimit: null,
	collectPractice: false,
};

/** An invited trainer who followed the link with `pw`; their session cookie. */
async function trainerWith(ctx: ServerContext, email: string, pw: string): Promise<string> {
	const invited = await ctx.accounts.invite({ email, name: email, role: "trainer", by: null });
	if (!invited.ok) throw new Error(invited.reason);
	await ctx.accounts.acceptInvitation(invited.token, await hashPassword(pw));
	const session = await ctx.auth.signIn(email, pw);
	return `${signInCookie}=${session?.token ?? ""}`;
}

function call(path: string, cookie: string, body?: unknown): Request {
	return new Request(`http://127.0.0.1${path}`, {
		method: body === undefined ? "GET" : "POST",
		headers: { Cookie: cookie, "Content-Type": "application/json" },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
}

// The contract suite: the same behaviour from every score store (see support.ts).
describe.each(stores)("trainer accounts ($name)", (under) => {
	test("an invitation: 256 random bits, kept as a hash, used once, refused after use or expiry", async () => {
		let now = Date.UTC(2026, 11, 7, 9);
		const db = await under.database();
		const accounts = new AccountStore(db, () => now);
		const invited = await accounts.invite({
			email: "Anna@Example.com",
			name: "Anna",
			role: "trainer",
			by: null,
		});
		if (!invited.ok) throw new Error(invited.reason);
		expect(invited.token).toMatch(/^[\w-]{43}$/);
		const kept = await db.all<{ token_hash: string }>("SELECT token_hash FROM invitations");
		expect(kept).toHaveLength(1);
		expect(kept[0]?.token_hash).not.toContain(invited.token);
		expect(await accounts.invitation("x".repeat(43))).toEqual({ ok: false, reason: "unknown" });
		// The same address in another letter case is the same account.
		expect(await accounts.findByEmail("anna@example.COM")).toMatchObject({ name: "Anna" });

		expect(
			await accounts.acceptInvitation(invited.token, await hashPassword(password)),
		).toMatchObject({ ok: true, account: { hasPassword: true } });
		expect(await accounts.acceptInvitation(invited.token, null)).toEqual({
			ok: false,
			reason: "used",
		});
		expect(
			await accounts.invite({ email: "anna@example.com", name: "A", role: "admin", by: null }),
		).toEqual({ ok: false, reason: "exists" });

		const late = await accounts.invite({
			email: "b@example.com",
			name: "B",
			role: "trainer",
			by: null,
		});
		if (!late.ok) throw new Error(late.reason);
		now += invitationHours * 3_600_000;
		expect(await accounts.invitation(late.token)).toEqual({ ok: false, reason: "expired" });
		// Invited again, the new link works and the old one no longer leads anywhere.
		const again = await accounts.invite({
			email: "b@example.com",
			name: "B",
			role: "trainer",
			by: null,
		});
		if (!again.ok) throw new Error(again.reason);
		expect(await accounts.invitation(again.token)).toMatchObject({ ok: true });
		expect(await accounts.invitation(late.token)).toEqual({ ok: false, reason: "unknown" });
	});

	test("disabling ends the account's sessions on every instance and its invitations; the last administrator stays", async () => {
		const [a, b] = await under.instances();
		const cookie = await trainerWith(a, "t@example.com", "trainer password!");
		const token = cookie.split("=")[1]!;
		expect(await b.auth.signInOf(token)).not.toBeNull();
		const trainer = (await a.accounts.findByEmail("t@example.com"))!;
		expect(await a.accounts.setState(trainer.id, "disabled")).toMatchObject({ ok: true });
		expect(await b.auth.signInOf(token)).toBeNull();
		expect(await b.auth.signIn("t@example.com", "trainer password!")).toBeNull();

		const admin = (await a.accounts.findByEmail("admin"))!;
		expect(await a.accounts.setState(admin.id, "disabled")).toEqual({
			ok: false,
			reason: "last-admin",
		});
		expect(await a.accounts.setRole(admin.id, "trainer")).toEqual({
			ok: false,
			reason: "last-admin",
		});
		expect(await a.accounts.setState(trainer.id, "active")).toMatchObject({ ok: true });
		expect(await a.accounts.setRole(trainer.id, "admin")).toMatchObject({ ok: true });
		expect(await a.accounts.setRole(admin.id, "trainer")).toMatchObject({ ok: true });
	});

	test("a sign-in with an unknown e-mail takes as long as one with a wrong password", async () => {
		const ctx = await under.context();
		const time = async (email: string) => {
			const started = performance.now();
			expect(await ctx.auth.checkPassword(email, "not the password at all")).toBeNull();
			return performance.now() - started;
		};
		const median = (values: number[]) => values.sort((x, y) => x - y)[values.length >> 1]!;
		const known: number[] = [];
		const unknown: number[] = [];
		for (let i = 0; i < 9; i++) {
			known.push(await time("admin"));
			unknown.push(await time(`nobody-${i}@example.com`));
		}
		// Both check one scrypt hash (tens of milliseconds); answering an unknown address at once
		// took well under a hundredth of that. The wide bounds leave room for a busy machine.
		const ratio = median(unknown) / median(known);
		expect(ratio).toBeGreaterThan(0.25);
		expect(ratio).toBeLessThan(4);
	});

	test("audit entries cannot be changed or deleted, whatever the statement", async () => {
		const db = await under.database();
		const audit = new AuditLog(db);
		await audit.record({
			actor: { id: null, name: "admin" },
			action: "cohort-created",
			targetType: "cohort",
			targetId: "c1",
			target: "=cmd|' /C calc'!A0",
			address: "192.0.2.1",
		});
		await expect(db.run("UPDATE audit_entries SET actor = 'someone else'")).rejects.toThrow(
			/cannot be changed/,
		);
		await expect(db.run("DELETE FROM audit_entries")).rejects.toThrow(/cannot be/);
		expect(await audit.list({ action: "cohort-created" })).toHaveLength(1);
		expect(await audit.list({ action: "sign-in" })).toHaveLength(0);
		expect(await audit.list({ actor: "ADM" })).toHaveLength(1);
		expect(await audit.list({ actor: "%" })).toHaveLength(0);
	});

	test("a trainer sees their own cohorts; another trainer's cohort and its attempts are 404", async () => {
		const ctx = await under.context();
		const anna = await trainerWith(ctx, "anna@example.com", "anna's password!!");
		const ben = await trainerWith(ctx, "ben@example.com", "ben's password!!!");
		const admin = `${signInCookie}=${(await ctx.auth.signIn("admin", password))?.token ?? ""}`;
		const created = await guard(() =>
			saveCohortHandler(call("/api/cohorts", anna, cohortSettings), meta, ctx, null),
		);
		expect(created.status).toBe(201);
		const id = String(((await created.json()) as { id: string }).id);
		const list = async (cookie: string) =>
			(
				(await (await guard(() => listCohorts(call("/api/cohorts", cookie), ctx))).json()) as {
					items: { id: string }[];
				}
			).items.map((c) => c.id);
		expect(await list(anna)).toEqual([id]);
		expect(await list(ben)).toEqual([]);
		expect(await list(admin)).toEqual([id]);
		expect((await guard(() => getCohort(call(`/api/cohorts/${id}`, ben), ctx, id))).status).toBe(
			404,
		);
		expect((await guard(() => getCohort(call(`/api/cohorts/${id}`, admin), ctx, id))).status).toBe(
			200,
		);
		const changed = await guard(() =>
			saveCohortHandler(
				call(`/api/cohorts/${id}`, ben, { ...cohortSettings, name: "Übernommen" }),
				meta,
				ctx,
				id,
			),
		);
		expect(changed.status).toBe(404);
		expect((await ctx.cohorts.get(id))?.name).toBe("Kohorte");
		expect(
			(await guard(() => getAttempt(call("/api/attempts/none", ben), ctx, "none"))).status,
		).toBe(404);
		// Shared with every trainer, Ben sees it and its attempts; Ben cannot end the sharing.
		const annaActing = {
			trainer: (await ctx.accounts.findByEmail("anna@example.com"))!,
			address: "192.0.2.1",
		};
		const benActing = {
			trainer: (await ctx.accounts.findByEmail("ben@example.com"))!,
			address: "192.0.2.2",
		};
		expect(await shareCohort(ctx, id, true, new Date(), annaActing)).toMatchObject({
			shared: true,
		});
		expect(await list(ben)).toEqual([id]);
		expect((await guard(() => getCohort(call(`/api/cohorts/${id}`, ben), ctx, id))).status).toBe(
			200,
		);
		expect(await shareCohort(ctx, id, false, new Date(), benActing)).toBeUndefined();
		expect(await shareCohort(ctx, id, false, new Date(), annaActing)).toMatchObject({
			shared: false,
		});
		expect(await list(ben)).toEqual([]);
		// Who did it is in the audit trail.
		expect((await ctx.audit.list({ action: "cohort-created" })).map((e) => e.actor)).toEqual([
			"anna@example.com",
		]);
	});
});
