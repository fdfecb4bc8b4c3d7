import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";

/**
 * Schema versions, applied in order and counted in `PRAGMA user_version`. Never edit a released
 * step: add a new one, so existing score files migrate on the next start.
 */
export const migrations: readonly string[] = [
	`CREATE TABLE attempts (
		id TEXT PRIMARY KEY,
		digest TEXT NOT NULL,
		source TEXT NOT NULL CHECK (source IN ('submit', 'import')),
		received_at TEXT NOT NULL,
		taken_at TEXT NOT NULL,
		started_at TEXT NOT NULL,
		finished_at TEXT,
		duration_ms INTEGER,
		cohort TEXT NOT NULL,
		trainee TEXT NOT NULL,
		trainee_search TEXT NOT NULL,
		scenario_id TEXT NOT NULL,
		seed INTEGER NOT NULL,
		start_step TEXT,
		mode TEXT NOT NULL,
		locale TEXT NOT NULL,
		app_version TEXT NOT NULL,
		score REAL NOT NULL,
		passed INTEGER NOT NULL,
		hints_used INTEGER NOT NULL,
		event_count INTEGER NOT NULL,
		refusals INTEGER NOT NULL,
		claimed_score REAL,
		altered INTEGER NOT NULL DEFAULT 0,
		altered_reason TEXT,
		altered_detail TEXT,
		attempt TEXT NOT NULL,
		grade TEXT NOT NULL
	) STRICT;
	CREATE INDEX attempts_taken ON attempts (taken_at);
	CREATE INDEX attempts_cohort_taken ON attempts (cohort, taken_at);
	CREATE INDEX attempts_scenario_taken ON attempts (scenario_id, taken_at);
	CREATE TABLE attempt_findings (
		attempt_id TEXT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
		rule TEXT NOT NULL,
		count INTEGER NOT NULL,
		PRIMARY KEY (attempt_id, rule)
	) STRICT, WITHOUT ROWID;
	CREATE INDEX attempt_findings_rule ON attempt_findings (rule);
	CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
	CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) STRICT;`,
	// Narrow rows for listing: the attempt's JSON and its grade move to a table of their own, so
	// scanning and sorting attempts reads a few hundred bytes a row instead of kilobytes. The
	// default order (newest first, then id) gets an index of its own; other sorts of 10,000 narrow
	// rows take a few milliseconds, cheaper than keeping more indexes up to date on every insert.
	`CREATE TABLE attempt_bodies (
		id TEXT PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
		attempt TEXT NOT NULL,
		grade TEXT NOT NULL
	) STRICT;
	INSERT INTO attempt_bodies (id, attempt, grade) SELECT id, attempt, grade FROM attempts;
	ALTER TABLE attempts DROP COLUMN attempt;
	ALTER TABLE attempts DROP COLUMN grade;
	DROP INDEX attempts_taken;
	DROP INDEX attempt_findings_rule;
	CREATE INDEX attempts_taken_id ON attempts (taken_at, id);`,
	// Browsers that have signed in before (sign-in-limits.ts): their sign-in tries are limited on
	// their own, so no one else can lock the trainer out of them. Only token hashes are kept.
	`CREATE TABLE trusted_devices (
		token_hash TEXT PRIMARY KEY,
		created_at INTEGER NOT NULL,
		last_seen_at INTEGER NOT NULL
	) STRICT;`,
	// Cohorts (server/cohorts/): a trainer's group with a join code and assigned scenarios, the
	// trainees who joined, and the attempts the server issues for them. An attempt records whether
	// it was issued (trust), its cohort, the server's own start and finish, and what looked
	// implausible (flags). What a cohort's page shows is kept up to date as attempts arrive, in
	// the same transaction: each trainee's progress (cohort_members), how often each step was done
	// (cohort_step_totals) and each rule found (cohort_rule_totals), so the page reads a few rows
	// per trainee and step instead of every attempt's grade. Scores and scenarios come from one
	// index-only scan (attempts_cohort_scores).
	`CREATE TABLE cohorts (
		id TEXT PRIMARY KEY,
		name TEXT NOT NULL,
		code TEXT NOT NULL,
		code_key TEXT NOT NULL UNIQUE,
		scenarios TEXT NOT NULL,
		practice INTEGER NOT NULL,
		same_seed INTEGER NOT NULL,
		seed INTEGER NOT NULL,
		opens_on TEXT NOT NULL,
		closes_on TEXT NOT NULL,
		opens_at TEXT NOT NULL,
		closes_at TEXT NOT NULL,
		attempt_limit INTEGER,
		collect_practice INTEGER NOT NULL,
		closed_at TEXT,
		created_at TEXT NOT NULL,
		updated_at TEXT NOT NULL
	) STRICT;
	CREATE TABLE attempt_tokens (
		token_hash TEXT PRIMARY KEY,
		attempt_id TEXT NOT NULL UNIQUE,
		cohort_id TEXT NOT NULL REFERENCES cohorts (id),
		trainee TEXT NOT NULL,
		trainee_key TEXT NOT NULL,
		scenario_id TEXT NOT NULL,
		seed INTEGER NOT NULL,
		mode TEXT NOT NULL,
		issued_at TEXT NOT NULL,
		used_at TEXT
	) STRICT;
	CREATE INDEX attempt_tokens_cohort_trainee ON attempt_tokens (cohort_id, trainee_key);
	ALTER TABLE attempts ADD COLUMN cohort_id TEXT REFERENCES cohorts (id);
	ALTER TABLE attempts ADD COLUMN trust TEXT NOT NULL DEFAULT 'self-reported';
	ALTER TABLE attempts ADD COLUMN server_started_at TEXT;
	ALTER TABLE attempts ADD COLUMN server_finished_at TEXT;
	ALTER TABLE attempts ADD COLUMN flags TEXT NOT NULL DEFAULT '';
	CREATE INDEX attempts_cohort_id ON attempts (cohort_id, trainee_search);
	CREATE TABLE cohort_members (
		cohort_id TEXT NOT NULL REFERENCES cohorts (id),
		trainee_key TEXT NOT NULL,
		trainee TEXT NOT NULL,
		joined_at TEXT NOT NULL,
		issued INTEGER NOT NULL DEFAULT 0,
		open INTEGER NOT NULL DEFAULT 0,
		attempts INTEGER NOT NULL DEFAULT 0,
		best REAL,
		passed INTEGER NOT NULL DEFAULT 0,
		latest REAL,
		latest_at TEXT,
		latest_id TEXT,
		practice INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (cohort_id, trainee_key)
	) STRICT, WITHOUT ROWID;
	CREATE TABLE cohort_step_totals (
		cohort_id TEXT NOT NULL REFERENCES cohorts (id),
		step TEXT NOT NULL,
		attempts INTEGER NOT NULL,
		done INTEGER NOT NULL,
		PRIMARY KEY (cohort_id, step)
	) STRICT, WITHOUT ROWID;
	CREATE TABLE cohort_rule_totals (
		cohort_id TEXT NOT NULL REFERENCES cohorts (id),
		rule TEXT NOT NULL,
		attempts INTEGER NOT NULL,
		PRIMARY KEY (cohort_id, rule)
	) STRICT, WITHOUT ROWID;
	CREATE INDEX attempts_cohort_scores ON attempts (cohort_id, altered, mode, scenario_id, score, passed);`,
	// Sign-in limits (sign-in-limits.ts), kept with the scores so that every server instance on a
	// shared database counts the same attempts, and a restart forgets none.
	`CREATE TABLE login_limits (
		key TEXT PRIMARY KEY,
		tokens REAL NOT NULL,
		updated INTEGER NOT NULL,
		failures INTEGER NOT NULL,
		last_failure INTEGER NOT NULL,
		blocked_until INTEGER NOT NULL
	) STRICT;`,
	// Trainers' own scenarios (scenarios/store.ts): the draft as typed, and each published version
	// frozen; an attempt and an issued attempt name the version they were made on.
	`CREATE TABLE scenarios (
		id TEXT PRIMARY KEY,
		draft TEXT NOT NULL,
		revision INTEGER NOT NULL,
		published_version INTEGER,
		published_revision INTEGER,
		public INTEGER NOT NULL DEFAULT 0,
		created_at TEXT NOT NULL,
		updated_at TEXT NOT NULL
	) STRICT;
	CREATE TABLE scenario_versions (
		scenario_id TEXT NOT NULL REFERENCES scenarios (id),
		version INTEGER NOT NULL,
		scenario TEXT NOT NULL,
		published_at TEXT NOT NULL,
		PRIMARY KEY (scenario_id, version)
	) STRICT, WITHOUT ROWID;
	ALTER TABLE attempts ADD COLUMN scenario_version INTEGER;
	ALTER TABLE attempt_tokens ADD COLUMN scenario_version INTEGER;`,
	// Trainer accounts (access/accounts.ts): each trainer signs in as themselves, and their sign-ins
	// (sessions), cohorts and scenarios carry their account. The shared password's sign-ins end;
	// the first start after this step makes that password the administrator's (accounts.ts). An
	// invitation keeps only its token's hash. The audit trail can only grow: the triggers refuse
	// any change or deletion, whatever the statement.
	`CREATE TABLE trainers (
		id TEXT PRIMARY KEY,
		email TEXT NOT NULL,
		email_key TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		role TEXT NOT NULL CHECK (role IN ('admin', 'trainer')),
		state TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
		password_hash TEXT,
		created_by TEXT,
		created_at TEXT NOT NULL,
		updated_at TEXT NOT NULL
	) STRICT;
	CREATE TABLE invitations (
		token_hash TEXT PRIMARY KEY,
		trainer_id TEXT NOT NULL REFERENCES trainers (id),
		created_by TEXT,
		created_at TEXT NOT NULL,
		expires_at INTEGER NOT NULL,
		used_at TEXT
	) STRICT;
	CREATE INDEX invitations_trainer ON invitations (trainer_id);
	DELETE FROM sessions;
	ALTER TABLE sessions ADD COLUMN trainer_id TEXT NOT NULL DEFAULT '';
	CREATE INDEX sessions_trainer ON sessions (trainer_id);
	ALTER TABLE cohorts ADD COLUMN owner_id TEXT;
	ALTER TABLE cohorts ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE scenarios ADD COLUMN owner_id TEXT;
	ALTER TABLE scenarios ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE audit_entries (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		at TEXT NOT NULL,
		actor_id TEXT,
		actor TEXT NOT NULL,
		action TEXT NOT NULL,
		target_type TEXT NOT NULL,
		target_id TEXT NOT NULL,
		target TEXT NOT NULL,
		details TEXT NOT NULL,
		address TEXT NOT NULL
	) STRICT;
	CREATE INDEX audit_entries_at ON audit_entries (at, id);
	CREATE TRIGGER audit_entries_unchanged BEFORE UPDATE ON audit_entries
		BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
	CREATE TRIGGER audit_entries_kept BEFORE DELETE ON audit_entries
		BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END;`,
	// Certificates (server/certificates/): a cohort may offer one; each is issued once per passed,
	// issued assessment and keeps what it states as it was issued (name, scenario, cohort, score,
	// issuer), so its verification page shows exactly what the PDF says.
	`ALTER TABLE cohorts ADD COLUMN certificate INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE certificates (
		id TEXT PRIMARY KEY,
		attempt_id TEXT NOT NULL UNIQUE REFERENCES attempts (id),
		cohort_id TEXT NOT NULL REFERENCES cohorts (id),
		trainee TEXT NOT NULL,
		scenario_id TEXT NOT NULL,
		scenario_titles TEXT NOT NULL,
		cohort_name TEXT NOT NULL,
		score REAL NOT NULL,
		passed_at TEXT NOT NULL,
		issuer TEXT NOT NULL,
		issued_at TEXT NOT NULL
	) STRICT;
	CREATE INDEX certificates_cohort ON certificates (cohort_id);`,
];

export const schemaVersion = migrations.length;

/**
 * How hard a commit waits for the disk. "normal" (WAL's recommended setting): a commit is in the
 * operating system's hands when it returns, so an answered submission survives the server being
 * killed (`kill -9`, a crash); only an OS crash or power cut can lose the last moments. "full"
 * also waits for the disk itself, at a cost of about a millisecond per commit on a busy machine.
 */
export type SyncMode = "normal" | "full";

/** Opens (creating if needed) the score database, in WAL mode, and brings its schema up to date. */
export function openDatabase(path: string, sync: SyncMode = "normal"): DatabaseSync {
	if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
	const db = new DatabaseSync(path);
	db.exec(`PRAGMA journal_mode = WAL;
		PRAGMA synchronous = ${sync === "full" ? "FULL" : "NORMAL"};
		PRAGMA foreign_keys = ON;
		PRAGMA busy_timeout = 5000;`);
	migrate(db);
	return db;
}

function migrate(db: DatabaseSync): void {
	const row = db.prepare("PRAGMA user_version").get() as { user_version: number };
	const current = row.user_version;
	if (current > migrations.length) {
		throw new Error(
			`The score database has schema version ${current}; this server knows up to ${migrations.length}. Update the server.`,
		);
	}
	for (let version = current; version < migrations.length; version++) {
		db.exec("BEGIN IMMEDIATE");
		try {
			db.exec(migrations[version] as string);
			db.exec(`PRAGMA user_version = ${version + 1}`);
			db.exec("COMMIT");
		} catch (error) {
			db.exec("ROLLBACK");
			throw error;
		}
	}
}
