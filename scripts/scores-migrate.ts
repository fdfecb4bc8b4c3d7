// `npm run scores:migrate -- --from sqlite:./data/scores.db --to postgres://…`: moves a score store
// into another, empty one, for a deployment that grows from one machine (SQLite) to several server
// instances on PostgreSQL (or back). Stop the server first, so no attempt arrives while copying.
import { existsSync } from "node:fs";
import { z } from "zod";
import { redactedUrl } from "../src/server/config.ts";
import { copyStore } from "../src/server/database/copy-store.ts";
import { DatabaseUnavailableError, openConfiguredDatabase } from "../src/server/database/open.ts";
import { UsageError, main, userPath } from "./cli-output.ts";

const usage =
	"usage: npm run scores:migrate -- --from sqlite:<file> | postgres://… --to postgres://… | sqlite:<file>";

/** A store's address: `sqlite:` and a file path, or a PostgreSQL URL. */
const storeAddress = z.union([
	z
		.string()
		.regex(/^sqlite:.+/)
		.transform((s) => ({ kind: "sqlite" as const, path: userPath(s.slice("sqlite:".length)) })),
	z
		.string()
		.regex(/^postgres(ql)?:\/\/.+/)
		.transform((url) => ({ kind: "postgres" as const, url })),
]);
type StoreAddress = z.infer<typeof storeAddress>;

const argsSchema = z.object({ "--from": storeAddress, "--to": storeAddress });

function parse(args: string[]): { from: StoreAddress; to: StoreAddress } {
	const values: Record<string, string> = {};
	for (let i = 0; i < args.length; i += 2) {
		const name = args[i] as string;
		const value = args[i + 1];
		if (name !== "--from" && name !== "--to") {
			throw new UsageError(`unknown argument ${JSON.stringify(name)}; ${usage}`);
		}
		if (value === undefined || value.startsWith("--")) {
			throw new UsageError(`${name} needs a value; ${usage}`);
		}
		values[name] = value;
	}
	const parsed = argsSchema.safeParse(values);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const name = String(issue?.path[0] ?? "");
		throw new UsageError(
			values[name] === undefined
				? `${name} is required; ${usage}`
				: `${name} must be sqlite:<file> or a postgres:// URL; ${usage}`,
		);
	}
	return { from: parsed.data["--from"], to: parsed.data["--to"] };
}

function shown(address: StoreAddress): string {
	return address.kind === "sqlite" ? `sqlite:${address.path}` : redactedUrl(address.url);
}

async function open(address: StoreAddress, role: "source" | "target") {
	if (address.kind === "sqlite" && role === "source" && !existsSync(address.path)) {
		throw new UsageError(`no score database at ${address.path}`);
	}
	try {
		const opened = await openConfiguredDatabase(
			address.kind === "sqlite"
				? { databaseUrl: null, dbPath: address.path, sync: "full" }
				: { databaseUrl: address.url, dbPath: "", sync: "full" },
		);
		return opened.database;
	} catch (error) {
		if (error instanceof DatabaseUnavailableError) throw new UsageError(error.message);
		throw error;
	}
}

main(async (args) => {
	const { from, to } = parse(args);
	if (shown(from) === shown(to)) throw new UsageError("--from and --to name the same store");
	const source = await open(from, "source");
	try {
		const target = await open(to, "target");
		try {
			const started = Date.now();
			let copied: Awaited<ReturnType<typeof copyStore>>;
			try {
				copied = await copyStore(source, target, (table, rows) => {
					if (rows % 5000 === 0) process.stderr.write(`  ${table}: ${rows} rows\n`);
				});
			} catch (error) {
				throw new UsageError(error instanceof Error ? error.message : String(error));
			}
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			console.log(
				`Moved ${copied.attempts} attempts and ${copied.cohorts} cohorts from ${shown(from)} to ${shown(to)} in ${seconds} s:`,
			);
			for (const [table, rows] of Object.entries(copied)) console.log(`  ${table}: ${rows}`);
		} finally {
			await target.close();
		}
	} finally {
		await source.close();
	}
});
