import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { TrainerAuth } from "../../../../src/server/access/trainer-auth.ts";
import { AccountStore } from "../../../../src/server/access/accounts.ts";
import type { Database } from "../../../../src/server/database/database.ts";
import { SqliteDatabase } from "../../../../src/server/database/sqlite.ts";
import { openDatabase } from "../../../../src/server/database/sqlite-schema.ts";
import {
	generatePassword,
	hashPassword,
	verifyPassword,
} from "../../../../src/server/access/password.ts";
import { createSignInLimits } from "../../../../src/server/access/sign-in-limits.ts";
import { stores } from "../support.ts";

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("trainer password", () => {
	test("scrypt hashes verify the right password only, with a fresh salt each time", async () => {
		const hash = await hashPassword("Grüße 123");
		expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
		expect(await hashPassword("Grüße 123")).not.toBe(hash);
		expect(await verifyPassword("Grüße 123", hash)).toBe(true);
		expect(await verifyPassword("Grüße 124", hash)).toBe(false);
		expect(await verifyPassword("anything", "plain-text")).toBe(false);
	});

	test("generated passwords are four groups of five unambiguous characters", () => {
		const passwords = new Set(Array.from({ length: 50 }, generatePassword));
		expect(passwords.size).toBe(50);
		for (const p of passwords)
			expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
	});

	test("without TRAINER_PASSWORD: generated once, announced once, only its hash stored", async () => {
		const dir = mkdtempSync(join(tmpdir(), "auth-"));
		dirs.push(dir);
		const path = join(dir, "scores.db");
		const announced: string[] = [];
		const create = (db: Database) =>
			TrainerAuth.create({
				db,
				accounts: new AccountStore(db),
				password: undefined,
				signInName: "admin",
				signInMs: 60_000,
				announce: (p: string) => announced.push(p),
			});
		const db = openDatabase(path);
		const auth = await create(new SqliteDatabase(db));
		expect(announced).toHaveLength(1);
		const generated = announced[0]!;
		expect(await auth.signIn("admin", generated)).not.toBeNull();
		expect(await auth.signIn("admin", "wrong")).toBeNull();
		db.close();

		const again = openDatabase(path);
		const restarted = await create(new SqliteDatabase(again));
		expect(announced).toHaveLength(1);
		expect(await restarted.signIn("ADMIN", generated)).not.toBeNull();
		again.close();
		for (const file of [path, `${path}-wal`]) {
			try {
				expect(readFileSync(file).includes(generated)).toBe(false);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
			}
		}
	});
});

describe.each(stores)("trainer password and sessions ($name)", (under) => {
	const create = (db: Database, password: string | undefined, announce: (p: string) => void) =>
		TrainerAuth.create({
			db,
			accounts: new AccountStore(db),
			password,
			signInName: "admin",
			signInMs: 60_000,
			announce,
		});

	test("the shared password of an earlier release becomes the administrator's, nothing lost", async () => {
		const db = await under.database();
		// As the release before trainer accounts left it: the shared password's hash, a cohort.
		await db.run("INSERT INTO settings (key, value) VALUES ('trainer_password_hash', ?)", [
			await hashPassword("the shared one!!"),
		]);
		await db.run(
			`INSERT INTO cohorts (id, name, code, code_key, scenarios, practice, same_seed, seed, opens_on,
				closes_on, opens_at, closes_at, attempt_limit, collect_practice, closed_at, created_at,
				updated_at) VALUES ('c1', 'Köln', 'ABCD-EFGH', 'ABCDEFGH', '[]', 1, 0, 1, '2026-01-01',
				'2026-02-01', 'x', 'y', NULL, 0, NULL, 'x', 'x')`,
		);
		const announced: string[] = [];
		const auth = await create(db, undefined, (p) => announced.push(p));
		expect(announced).toEqual([]);
		const signedIn = await auth.signIn("admin", "the shared one!!");
		expect(signedIn?.trainer).toMatchObject({ email: "admin", role: "admin", state: "active" });
		const owner = await db.get<{ owner_id: string }>(
			"SELECT owner_id FROM cohorts WHERE id = 'c1'",
		);
		expect(owner?.owner_id).toBe(signedIn?.trainer.id);
		// TRAINER_PASSWORD only counts on a server without accounts.
		const later = await create(db, "a different password", (p) => announced.push(p));
		expect(await later.signIn("admin", "a different password")).toBeNull();
		expect(await later.signIn("admin", "the shared one!!")).not.toBeNull();
	});

	test("a new password for one account ends its sessions on every instance", async () => {
		const db = await under.database();
		const auth = await create(db, "first password!!", () => {});
		const other = await create(db, undefined, () => {});
		const session = (await auth.signIn("admin", "first password!!"))!;
		expect(await other.signInOf(session.token)).not.toBeNull();
		const accounts = new AccountStore(db);
		await accounts.setPassword(session.trainer.id, await hashPassword("second password!"));
		expect(await other.signInOf(session.token)).toBeNull();
		expect(await other.signIn("admin", "first password!!")).toBeNull();
		expect(await auth.signIn("admin", "second password!")).not.toBeNull();
	});

	test("clearing the sign-in limits lets a waiting address try again; the password stays", async () => {
		const db = await under.database();
		const throttle = createSignInLimits(db, { perMinute: 1, globalPerMinute: 100, now: () => 0 });
		const first = await throttle.begin("address:a", { global: true });
		if (first.ok) await first.ticket.failed();
		expect((await throttle.begin("address:a", { global: true })).ok).toBe(false);
		await TrainerAuth.clearSignInLimits(db);
		expect((await throttle.begin("address:a", { global: true })).ok).toBe(true);
	});
});
