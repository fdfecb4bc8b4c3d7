/**
 * The score database's schema in PostgreSQL: the same tables, columns and indexes as SQLite's after
 * all of `sqlite-schema.ts`'s migrations, in one first step. Like SQLite's list, never edit a released step:
 * add one. Text is compared and sorted byte by byte (`COLLATE "C"`), as SQLite does, so a list
 * sorted by name or cohort comes out in the same order from both stores. Flags stay integers 0/1,
 * as in SQLite; times are ISO text (they compare as text) or, for sign-ins (table `sessions`) and devices, epoch ms.
 */
export const postgresMigrations: readonly string[] = [
	`CREATE TABLE attempts (
		id TEXT COLLATE "C" PRIMARY KEY,
		digest TEXT NOT NULL,
		source TEXT NOT NULL CHECK (source IN ('submit', 'import')),
		received_at TEXT COLLATE "C" NOT NULL,
		taken_at TEXT COLLATE "C" NOT NULL,
		started_at TEXT COLLATE "C" NOT NULL,
		finished_at TEXT COLLATE "C",
		duration_ms BIGINT,
		cohort TEXT COLLATE "C" NOT NULL,
		trainee TEXT COLLATE "C" NOT NULL,
		trainee_search TEXT COLLATE "C" NOT NULL,
		scenario_id TEXT COLLATE "C" NOT NULL,
		seed BIGINT NOT NULL,
		start_step TEXT COLLATE "C",
		mode TEXT COLLATE "C" NOT NULL,
		locale TEXT NOT NULL,
		app_version TEXT NOT NULL,
		score DOUBLE PRECISION NOT NULL,
		passed INTEGER NOT NULL,
		hints_used INTEGER NOT NULL,
		event_count INTEGER NOT NULL,
		refusals INTEGER NOT NULL,
		claimed_score DOUBLE PRECISION,
		altered INTEGER NOT NULL DEFAULT 0,
		altered_reason TEXT,
		altered_detail TEXT,
		cohort_id TEXT COLLATE "C",
		trust TEXT NOT NULL DEFAULT 'self-reported',
		server_started_at TEXT COLLATE "C",
		server_finished_at TEXT COLLATE "C",
		flags TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX attempts_taken_id ON attempts (taken_at, id);
	CREATE INDEX attempts_cohort_taken ON attempts (cohort, taken_at);
	CREATE INDEX attempts_scenario_taken ON attempts (scenario_id, taken_at);
	CREATE TABLE attempt_bodies (
		id TEXT COLLATE "C" PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
		attempt TEXT NOT NULL,
		grade TEXT NOT NULL
	);
	CREATE TABLE attempt_findings (
		attempt_id TEXT COLLATE "C" NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
		rule TEXT COLLATE "C" NOT NULL,
		count INTEGER NOT NULL,
		PRIMARY KEY (attempt_id, rule)
	);
	CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
	CREATE TABLE trusted_devices (
		token_hash TEXT PRIMARY KEY,
		created_at BIGINT NOT NULL,
		last_seen_at BIGINT NOT NULL
	);
	CREATE TABLE cohorts (
		id TEXT COLLATE "C" PRIMARY KEY,
		name TEXT COLLATE "C" NOT NULL,
		code TEXT NOT NULL,
		code_key TEXT NOT NULL UNIQUE,
		scenarios TEXT NOT NULL,
		practice INTEGER NOT NULL,
		same_seed INTEGER NOT NULL,
		seed BIGINT NOT NULL,
		opens_on TEXT NOT NULL,
		closes_on TEXT NOT NULL,
		opens_at TEXT COLLATE "C" NOT NULL,
		closes_at TEXT COLLATE "C" NOT NULL,
		attempt_limit INTEGER,
		collect_practice INTEGER NOT NULL,
		closed_at TEXT,
		created_at TEXT NOT NULL,
		updated_at TEXT NOT NULL
	);
	CREATE TABLE attempt_tokens (
		token_hash TEXT PRIMARY KEY,
		attempt_id TEXT NOT NULL UNIQUE,
		cohort_id TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
		trainee TEXT NOT NULL,
		trainee_key TEXT COLLATE "C" NOT NULL,
		scenario_id TEXT NOT NULL,
		seed BIGINT NOT NULL,
		mode TEXT NOT NULL,
		issued_at TEXT NOT NULL,
		used_at TEXT
	);
	CREATE INDEX attempt_tokens_cohort_trainee ON attempt_tokens (cohort_id, trainee_key);
	ALTER TABLE attempts ADD FOREIGN KEY (cohort_id) REFERENCES cohorts (id);
	CREATE INDEX attempts_cohort_id ON attempts (cohort_id, trainee_search);
	CREATE TABLE cohort_members (
		cohort_id TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
		trainee_key TEXT COLLATE "C" NOT NULL,
		trainee TEXT COLLATE "C" NOT NULL,
		joined_at TEXT NOT NULL,
		issued INTEGER NOT NULL DEFAULT 0,
		open INTEGER NOT NULL DEFAULT 0,
		attempts INTEGER NOT NULL DEFAULT 0,
		best DOUBLE PRECISION,
		passed INTEGER NOT NULL DEFAULT 0,
		latest DOUBLE PRECISION,
		latest_at TEXT COLLATE "C",
		latest_id TEXT,
		practice INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (cohort_id, trainee_key)
	);
	CREATE TABLE cohort_step_totals (
		cohort_id TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
		step TEXT COLLATE "C" NOT NULL,
		attempts INTEGER NOT NULL,
		done INTEGER NOT NULL,
		PRIMARY KEY (cohort_id, step)
	);
	CREATE TABLE cohort_rule_totals (
		cohort_id TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
		rule TEXT COLLATE "C" NOT NULL,
		attempts INTEGER NOT NULL,
		PRIMARY KEY (cohort_id, rule)
	);
	CREATE INDEX attempts_cohort_scores ON attempts (cohort_id, altered, mode, scenario_id, score, passed);`,
	`CREATE TABLE login_limits (
		key TEXT PRIMARY KEY,
		tokens DOUBLE PRECISION NOT NULL,
		updated BIGINT NOT NULL,
		failures INTEGER NOT NULL,
		last_failure BIGINT NOT NULL,
		blocked_until BIGINT NOT NULL
	);`,
	`CREATE TABLE scenarios (
		id TEXT COLLATE "C" PRIMARY KEY,
		draft TEXT NOT NULL,
		revision INTEGER NOT NULL,
		published_version INTEGER,
		published_revision INTEGER,
		public INTEGER NOT NULL DEFAULT 0,
		created_at TEXT NOT NULL,
		updated_at TEXT COLLATE "C" NOT NULL
	);
	CREATE TABLE scenario_versions (
		scenario_id TEXT COLLATE "C" NOT NULL REFERENCES scenarios (id),
		version INTEGER NOT NULL,
		scenario TEXT NOT NULL,
		published_at TEXT NOT NULL,
		PRIMARY KEY (scenario_id, version)
	);
	ALTER TABLE attempts ADD COLUMN scenario_version INTEGER;
	ALTER TABLE attempt_tokens ADD COLUMN scenario_version INTEGER;`,
	`CREATE TABLE trainers (
		id TEXT COLLATE "C" PRIMARY KEY,
		email TEXT COLLATE "C" NOT NULL,
		email_key TEXT COLLATE "C" NOT NULL UNIQUE,
		name TEXT COLLATE "C" NOT NULL,
		role TEXT NOT NULL CHECK (role IN ('admin', 'trainer')),
		state TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
		password_hash TEXT,
		created_by TEXT,
		created_at TEXT COLLATE "C" NOT NULL,
		updated_at TEXT COLLATE "C" NOT NULL
	);
	CREATE TABLE invitations (
		token_hash TEXT PRIMARY KEY,
		trainer_id TEXT COLLATE "C" NOT NULL REFERENCES trainers (id),
		created_by TEXT,
		created_at TEXT COLLATE "C" NOT NULL,
		expires_at BIGINT NOT NULL,
		used_at TEXT
	);
	CREATE INDEX invitations_trainer ON invitations (trainer_id);
	DELETE FROM sessions;
	ALTER TABLE sessions ADD COLUMN trainer_id TEXT COLLATE "C" NOT NULL DEFAULT '';
	CREATE INDEX sessions_trainer ON sessions (trainer_id);
	ALTER TABLE cohorts ADD COLUMN owner_id TEXT COLLATE "C";
	ALTER TABLE cohorts ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
	ALTER TABLE scenarios ADD COLUMN owner_id TEXT COLLATE "C";
	ALTER TABLE scenarios ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE audit_entries (
		id BIGSERIAL PRIMARY KEY,
		at TEXT COLLATE "C" NOT NULL,
		actor_id TEXT COLLATE "C",
		actor TEXT COLLATE "C" NOT NULL,
		action TEXT COLLATE "C" NOT NULL,
		target_type TEXT COLLATE "C" NOT NULL,
		target_id TEXT COLLATE "C" NOT NULL,
		target TEXT COLLATE "C" NOT NULL,
		details TEXT NOT NULL,
		address TEXT COLLATE "C" NOT NULL
	);
	CREATE INDEX audit_entries_at ON audit_entries (at, id);
	CREATE FUNCTION audit_entries_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'audit entries cannot be changed or deleted'; END $$;
	CREATE TRIGGER audit_entries_kept BEFORE UPDATE OR DELETE ON audit_entries
		FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse();
	CREATE TRIGGER audit_entries_not_truncated BEFORE TRUNCATE ON audit_entries
		FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_refuse();`,
	`ALTER TABLE cohorts ADD COLUMN certificate INTEGER NOT NULL DEFAULT 0;
	CREATE TABLE certificates (
		id TEXT COLLATE "C" PRIMARY KEY,
		attempt_id TEXT COLLATE "C" NOT NULL UNIQUE REFERENCES attempts (id),
		cohort_id TEXT COLLATE "C" NOT NULL REFERENCES cohorts (id),
		trainee TEXT NOT NULL,
		scenario_id TEXT COLLATE "C" NOT NULL,
		scenario_titles TEXT NOT NULL,
		cohort_name TEXT NOT NULL,
		score DOUBLE PRECISION NOT NULL,
		passed_at TEXT COLLATE "C" NOT NULL,
		issuer TEXT NOT NULL,
		issued_at TEXT COLLATE "C" NOT NULL
	);
	CREATE INDEX certificates_cohort ON certificates (cohort_id);`,
];
