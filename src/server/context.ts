import { AttemptStore } from "./attempts/store.ts";
import { CohortStore } from "./cohorts/store.ts";
import { CertificateStore } from "./certificates/store.ts";
import { startCheckpointer, type Checkpointer } from "./database/checkpointer.ts";
import { TrainerAuth } from "./access/trainer-auth.ts";
import { AccountStore } from "./access/accounts.ts";
import { AuditLog } from "./access/audit.ts";
import { readConfig, type ServerConfig } from "./config.ts";
import type { Database } from "./database/database.ts";
import { openConfiguredDatabase } from "./database/open.ts";
import { createSignInLimits, type SignInLimits } from "./access/sign-in-limits.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limit.ts";
import { BatchedAttemptWriter } from "./attempts/write-batch.ts";
import { ScenarioStore } from "./scenarios/store.ts";

/** Everything the handlers share: configuration, the open database and the rate limiters. */
export interface ServerContext {
	readonly config: ServerConfig;
	/** SQLite (the default) or PostgreSQL (DATABASE_URL). */
	readonly db: Database;
	readonly attempts: AttemptStore;
	readonly cohorts: CohortStore;
	/** Trainers' own scenarios: drafts and published versions. */
	readonly scenarios: ScenarioStore;
	/** Submissions go through here: stored in batches, one transaction per event-loop turn. */
	readonly attemptWriter: BatchedAttemptWriter;
	readonly auth: TrainerAuth;
	/** Trainer accounts and their invitations. */
	readonly accounts: AccountStore;
	/** Who did what: sign-ins, accounts, cohorts, publications, imports, exports. */
	readonly audit: AuditLog;
	readonly submitLimit: RateLimiter;
	/** Certificates of passed assessments, and the secret that signs their codes. */
	readonly certificates: CertificateStore;
	/** Verification pages and certificate downloads per address: a code cannot be guessed in bulk. */
	readonly verifyLimit: RateLimiter;
	readonly signInLimits: SignInLimits;
	/** Background WAL checkpoints; null for an in-memory SQLite database and for PostgreSQL. */
	readonly checkpointer: Checkpointer | null;
	/** Stops the checkpoints and closes the database (tests, a script's end). */
	close(): Promise<void>;
}

export async function createServerContext(
	config: ServerConfig,
	options: {
		announce?: (password: string, signInName: string) => void;
		now?: () => number;
	} = {},
): Promise<ServerContext> {
	const opened = await openConfiguredDatabase(config);
	const db = opened.database;
	const now = options.now ?? Date.now;
	const accounts = new AccountStore(db, now);
	const auth = await TrainerAuth.create({
		db,
		accounts,
		password: config.trainerPassword,
		signInName: config.trainerEmail,
		signInMs: config.signInHours * 3_600_000,
		announce: options.announce ?? announcePassword,
		now,
	});
	const cohorts = new CohortStore(db);
	const attempts = new AttemptStore(db, (record, tx) => cohorts.recordAttempt(record, tx));
	const checkpointer =
		opened.kind === "sqlite" && config.dbPath !== ":memory:"
			? startCheckpointer(opened.sqlite, config.dbPath)
			: null;
	return {
		config,
		db,
		attempts,
		cohorts,
		scenarios: new ScenarioStore(db),
		attemptWriter: new BatchedAttemptWriter(attempts, () => checkpointer?.holdWrites() ?? false),
		auth,
		accounts,
		audit: new AuditLog(db, now),
		submitLimit: createRateLimiter(config.submitPerMinute, now),
		certificates: new CertificateStore(db),
		verifyLimit: createRateLimiter(config.verifyPerMinute, now),
		signInLimits: createSignInLimits(db, {
			perMinute: config.loginPerMinute,
			globalPerMinute: config.loginGlobalPerMinute,
			now,
		}),
		checkpointer,
		async close() {
			await checkpointer?.stop();
			await db.close();
		},
	};
}

/** Printed once, on the first start without TRAINER_PASSWORD; only the hash is kept. */
function announcePassword(password: string, signInName: string): void {
	console.log(
		[
			"",
			"  The first administrator's password (shown only now; the server keeps only its hash):",
			"",
			`      sign-in: ${signInName}`,
			`      password: ${password}`,
			"",
			"  Sign in at /de/trainer/ or /en/trainer/ and invite the other trainers there.",
			`  \`npm run trainer:password -- --email ${signInName}\` replaces this password.`,
			"",
		].join("\n"),
	);
}

let current: Promise<ServerContext> | undefined;

/**
 * The process-wide context, created on first use: the first request (npm start sends one to
 * /api/health as soon as the server listens) opens and migrates the database.
 */
export function serverContext(): Promise<ServerContext> {
	if (current === undefined) {
		current = createServerContext(readConfig()).catch((error: unknown) => {
			// Let the next request try again (for example after the disk was remounted).
			current = undefined;
			throw error;
		});
	}
	return current;
}
