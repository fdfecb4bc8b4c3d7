import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A PostgreSQL server of the tests' (and benchmarks') own (scripts/test-postgres.sh): a throw-away
 * cluster on a loopback port, which a test may stop and start again to play a database outage.
 */
export interface TestCluster {
	/** A new, empty database on the cluster, as a DATABASE_URL. */
	database(): Promise<string>;
	/** Rows of a query on one of its databases. */
	query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]>;
	/** Stops the server, keeping its data (an outage). */
	pause(): void;
	/** Starts it again on the same port. */
	resume(): void;
	stop(): void;
}

const script = "scripts/test-postgres.sh";

/** Whether the PostgreSQL server programs are here (`.ci/run` installs them). */
export const postgresInstalled =
	existsSync(`${process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin"}/pg_ctl`) ||
	// As root, the script installs Debian's package itself.
	process.getuid?.() === 0;

export function startCluster(): TestCluster {
	const parent = mkdtempSync(join(tmpdir(), "staging-trainer-pg-e2e-"));
	// Run as root, the cluster belongs to an unprivileged user, who must reach its folder.
	chmodSync(parent, 0o755);
	const dir = join(parent, "cluster");
	const url = execFileSync("bash", [script, "start", dir], {
		encoding: "utf8",
		stdio: ["ignore", "pipe", "pipe"],
	}).trim();
	const run = (command: string) =>
		execFileSync("bash", [script, command, dir], { stdio: ["ignore", "ignore", "pipe"] });
	const query = async <T extends pg.QueryResultRow>(target: string, sql: string) => {
		const client = new pg.Client({ connectionString: target });
		await client.connect();
		try {
			return (await client.query<T>(sql)).rows;
		} finally {
			await client.end();
		}
	};
	return {
		async database() {
			const name = `e2e_${randomBytes(6).toString("hex")}`;
			await query(url, `CREATE DATABASE ${name}`);
			const target = new URL(url);
			target.pathname = `/${name}`;
			return target.toString();
		},
		query,
		pause: () => run("pause"),
		resume: () => run("resume"),
		stop() {
			run("stop");
			rmSync(parent, { recursive: true, force: true });
		},
	};
}
