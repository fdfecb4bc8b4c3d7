import type { Database, Queryable, Row, SqlValue } from "./database.ts";

/**
 * The score store's tables in an order that satisfies their foreign keys, each with the key that
 * orders its rows for reading in pages. Both stores have the same tables and columns (sqlite-schema.ts,
 * postgres-schema.ts), so a row moves as it is: the server's grades, the trust, flags and times
 * of each attempt, trainers' scenarios with their versions, cohorts with their issued attempts and
 * progress, trainer accounts with their invitations, sign-ins and known browsers, and the audit
 * trail.
 */
export const storeTables = [
	{ name: "settings", key: "key" },
	{ name: "trainers", key: "id" },
	{ name: "invitations", key: "token_hash" },
	{ name: "sessions", key: "token_hash" },
	{ name: "trusted_devices", key: "token_hash" },
	{ name: "login_limits", key: "key" },
	{ name: "scenarios", key: "id" },
	{ name: "scenario_versions", key: "scenario_id, version" },
	{ name: "cohorts", key: "id" },
	{ name: "attempt_tokens", key: "token_hash" },
	{ name: "attempts", key: "id" },
	{ name: "attempt_bodies", key: "id" },
	{ name: "attempt_findings", key: "attempt_id, rule" },
	{ name: "cohort_members", key: "cohort_id, trainee_key" },
	{ name: "cohort_step_totals", key: "cohort_id, step" },
	{ name: "cohort_rule_totals", key: "cohort_id, rule" },
	{ name: "certificates", key: "id" },
	{ name: "audit_entries", key: "id" },
] as const;

export type TableCounts = Record<(typeof storeTables)[number]["name"], number>;

/**
 * Tables the target's own first start may have filled (its first administrator, a sign-in): the
 * source's rows replace them, as its trainers know their passwords.
 */
const replaced = new Set<string>([
	"settings",
	"trainers",
	"invitations",
	"sessions",
	"trusted_devices",
	"login_limits",
]);

/**
 * The audit trail can only grow (both schemas refuse deletions): the source's entries are added
 * after whatever the target recorded itself (a sign-in to look around), numbered anew.
 */
const appended = new Set<string>(["audit_entries"]);

/** Rows read, and written in one statement, at a time (PostgreSQL takes 65,535 parameters). */
const pageRows = 500;

async function counts(db: Queryable): Promise<TableCounts> {
	const result = {} as TableCounts;
	for (const { name } of storeTables) {
		const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${name}`);
		result[name] = Number(row?.n ?? 0);
	}
	return result;
}

/**
 * Copies every row of one score store into another, empty one (SQLite into PostgreSQL, or back),
 * in one transaction on the target: it holds all of the source or nothing. Refuses a target that
 * holds attempts or cohorts already, so nothing is mixed or doubled. Returns the rows per table,
 * checked to be equal in both.
 */
export async function copyStore(
	from: Database,
	to: Database,
	progress: (table: string, rows: number) => void = () => {},
): Promise<TableCounts> {
	const source = await counts(from);
	const before = await counts(to);
	const taken = storeTables.filter(
		({ name }) => !replaced.has(name) && !appended.has(name) && before[name] > 0,
	);
	if (taken.length > 0) {
		throw new Error(
			`the target already holds data (rows in ${taken.map(({ name }) => `${name}: ${before[name]}`).join(", ")}); copy into an empty store`,
		);
	}
	await to.transaction(async (tx) => {
		// Emptied newest table first, so that no row is left pointing at a deleted one.
		for (const { name } of [...storeTables].reverse()) {
			if (replaced.has(name)) await tx.run(`DELETE FROM ${name}`);
		}
		for (const { name, key } of storeTables) {
			let copied = 0;
			for (let offset = 0; ; offset += pageRows) {
				const rows = await from.all<Row>(`SELECT * FROM ${name} ORDER BY ${key} LIMIT ? OFFSET ?`, [
					pageRows,
					offset,
				]);
				if (rows.length === 0) break;
				const columns = Object.keys(rows[0] as Row).filter(
					(c) => !(appended.has(name) && c === "id"),
				);
				const values: SqlValue[] = [];
				for (const row of rows) for (const c of columns) values.push(row[c] as SqlValue);
				const tuple = `(${columns.map(() => "?").join(", ")})`;
				await tx.run(
					`INSERT INTO ${name} (${columns.join(", ")}) VALUES ${rows.map(() => tuple).join(", ")}`,
					values,
				);
				copied += rows.length;
				progress(name, copied);
				if (rows.length < pageRows) break;
			}
		}
		const after = await counts(tx);
		const differ = storeTables.filter(
			({ name }) => after[name] !== source[name] + (appended.has(name) ? before[name] : 0),
		);
		if (differ.length > 0) {
			throw new Error(
				`rows differ after copying (${differ.map(({ name }) => `${name}: ${source[name]} → ${after[name]}`).join(", ")}); nothing was kept`,
			);
		}
	});
	return source;
}
