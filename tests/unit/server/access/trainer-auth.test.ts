import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { TrainerAuth } from "../../../../src/server/access/trainer-auth.ts";
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
		const options = {
			password: undefined,
			signInMs: 60_000,
			announce: (p: string) => announced.push(p),
		};
		const db = openDatabase(path);
		const auth = await TrainerAuth.create({ db: new SqliteDatabase(db), ...options });
		expect(announced).toHaveLength(1);
		const generated = announced[0]!;
		expect(await auth.signIn(generated)).not.toBeNull();
		expect(await auth.signIn("wrong")).toBeNull();
		db.close();

		const again = openDatabase(path);
		const restarted = await TrainerAuth.create({ db: new SqliteDatabase(again), ...options });
		expect(announced).toHaveLength(1);
		expect(await restarted.signIn(generated)).not.toBeNull();
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
	test("TRAINER_PASSWORD wins over a stored one; a reset replaces it and ends sessions", async () => {
		const db = await under.database();
		const announced: string[] = [];
		const announce = (p: string) => announced.push(p);
		const stored = await TrainerAuth.create({
			db,
			password: undefined,
			signInMs: 60_000,
			announce,
		});
		const session = (await stored.signIn(announced[0]!))!;
		const fromEnv = await TrainerAuth.create({
			db,
			password: "from-env",
			signInMs: 60_000,
			announce,
		});
		expect(await fromEnv.signIn(announced[0]!)).toBeNull();
		expect(await fromEnv.signIn("from-env")).not.toBeNull();

		const fresh = await TrainerAuth.resetPassword(db);
		expect(await stored.signInOf(session.token)).toBeNull();
		const reloaded = await TrainerAuth.create({
			db,
			password: undefined,
			signInMs: 60_000,
			announce,
		});
		expect(await reloaded.signIn(fresh)).not.toBeNull();
		expect(announced).toHaveLength(1);
		// A server that was running all along (another instance) takes the new password at once.
		expect(await stored.signIn(announced[0]!)).toBeNull();
		expect(await stored.signIn(fresh)).not.toBeNull();
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
