import {
	accessSync,
	constants,
	existsSync,
	mkdtempSync,
	rmSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { packageFileName, scormPackage } from "../src/server/lms/package.ts";
import { readRuntime } from "../src/server/lms/runtime.ts";
import { scormVersions, type ScormVersion } from "../src/simulator/lms/scorm.ts";
import { localeSchema } from "../src/simulator/text/locale-schema.ts";
import { type Locale } from "../src/simulator/text/locale.ts";
import { scenarioIds } from "../src/simulator/scenarios/registry.ts";
import { scenarioLocales } from "../src/simulator/scenarios/texts.ts";
import type { Database } from "../src/server/database/database.ts";
import { ScenarioStore, type ScenarioVersion } from "../src/server/scenarios/store.ts";
import { ConfigError, readConfig, redactedUrl, type ServerConfig } from "../src/server/config.ts";
import { CohortStore } from "../src/server/cohorts/store.ts";
import { AuditLog } from "../src/server/access/audit.ts";
import { DatabaseUnavailableError, openConfiguredDatabase } from "../src/server/database/open.ts";
import { UsageError, main, userPath } from "./cli-output.ts";

/**
 * npm run package:scorm -- --scenario <id> --lang de|en [--seed N | --seed-per-learner]
 *                          [--version 1.2|2004] [--out file.zip]
 * npm run package:scorm -- --cohort <join code> [--scenario <id>] --lang de|en [--version …] [--out …]
 * Builds a SCORM package of one assessment for a learning management system: the simulator for
 * that scenario in assessment mode, its brief in that language, every file with a relative URL.
 * With --cohort, the scenario and variant are the cohort's, read from the score server's database
 * (SCORES_DB, as for `npm start`). A trainer's own scenario is packaged at its newest published
 * version, read from there too, whole. Bad input gets one line and exit code 2.
 */

const usage =
	"usage: npm run package:scorm -- (--scenario <id> [--seed N | --seed-per-learner] | --cohort <code> [--scenario <id>]) --lang de|en [--version 1.2|2004] [--out file.zip]";

interface Options {
	scenarioId: string;
	locale: Locale;
	seed: number | null;
	version: ScormVersion;
	out: string;
	/** The cohort the package is for: its code goes with each attempt, its name in the title. */
	cohort?: { id: string; code: string; name: string };
	/** A trainer's own scenario, at the version packaged. */
	own?: ScenarioVersion;
}

async function parse(args: string[]): Promise<Options> {
	const values = new Map<string, string>();
	let perLearner = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		if (arg === "--seed-per-learner") {
			perLearner = true;
			continue;
		}
		if (!["--scenario", "--cohort", "--lang", "--seed", "--version", "--out"].includes(arg)) {
			throw new UsageError(`unknown argument ${JSON.stringify(arg)}; ${usage}`);
		}
		const value = args[++i];
		if (value === undefined || value.startsWith("--"))
			throw new UsageError(`${arg} needs a value; ${usage}`);
		values.set(arg, value);
	}
	const cohortCode = values.get("--cohort");
	if (cohortCode !== undefined && (perLearner || values.has("--seed"))) {
		throw new UsageError(
			"a cohort decides the variant: give --cohort without --seed or --seed-per-learner",
		);
	}
	const cohort =
		cohortCode === undefined
			? undefined
			: await withDatabase(async (db, where) => {
					const found = await new CohortStore(db).byCode(cohortCode);
					if (!found) {
						throw new UsageError(
							`no cohort with the code ${JSON.stringify(cohortCode)} in ${where}`,
						);
					}
					return found;
				});
	const scenarioId =
		values.get("--scenario") ?? (cohort?.scenarios.length === 1 ? cohort.scenarios[0] : undefined);
	if (scenarioId === undefined) {
		throw new UsageError(
			cohort
				? `cohort ${cohort.code} assigns several scenarios; choose one with --scenario: ${cohort.scenarios.join(", ")}`
				: `--scenario is required; ${usage}`,
		);
	}
	if (cohort && !cohort.scenarios.includes(scenarioId)) {
		throw new UsageError(
			`cohort ${cohort.code} does not assign ${JSON.stringify(scenarioId)}; it assigns: ${cohort.scenarios.join(", ")}`,
		);
	}
	const lang = localeSchema.safeParse(values.get("--lang"));
	if (!lang.success) {
		throw new UsageError(
			`--lang must be de or en, not ${JSON.stringify(values.get("--lang") ?? "")}`,
		);
	}
	// Not a built-in scenario: a trainer's own, published one, or nothing known.
	const unknown = (where: string) =>
		new UsageError(
			`unknown scenario ${JSON.stringify(scenarioId)}; known: ${scenarioIds.join(", ")}, and ${where}`,
		);
	const own = scenarioIds.includes(scenarioId)
		? undefined
		: await withDatabase(async (db, where) => {
				const latest = await new ScenarioStore(db).latest(scenarioId);
				if (latest === undefined) throw unknown(`no published trainer's scenario in ${where}`);
				return latest;
			}).catch((error: unknown) => {
				if (error instanceof NoDatabase) {
					throw unknown(`no score database at ${error.path} to look for a trainer's own`);
				}
				throw error;
			});
	if (own !== undefined && !scenarioLocales(own.scenario).includes(lang.data)) {
		throw new UsageError(
			`scenario ${JSON.stringify(scenarioId)} has no texts in ${lang.data}; it has: ${scenarioLocales(own.scenario).join(", ")}`,
		);
	}
	const version = values.get("--version") ?? "1.2";
	if (!(scormVersions as readonly string[]).includes(version)) {
		throw new UsageError(`--version must be 1.2 or 2004, not ${JSON.stringify(version)}`);
	}
	const seedText = values.get("--seed");
	if (seedText !== undefined && perLearner) {
		throw new UsageError("give either --seed or --seed-per-learner, not both");
	}
	let seed: number | null = cohort?.sameSeed ? cohort.seed : null;
	if (seedText !== undefined) {
		seed = /^\d{1,10}$/.test(seedText) ? Number(seedText) : Number.NaN;
		if (!(seed <= 0xffff_ffff)) {
			throw new UsageError(
				`--seed must be a whole number from 0 to 4294967295, not ${JSON.stringify(seedText)}`,
			);
		}
	}
	const out = userPath(
		values.get("--out") ??
			packageFileName({
				scenarioId,
				locale: lang.data,
				seed,
				version: version as ScormVersion,
				cohort: cohort ? { code: cohort.code, name: cohort.name } : undefined,
			}),
	);
	writable(out);
	return {
		scenarioId,
		locale: lang.data,
		seed,
		version: version as ScormVersion,
		out,
		...(cohort ? { cohort: { id: cohort.id, code: cohort.code, name: cohort.name } } : {}),
		...(own ? { own } : {}),
	};
}

/** There is no score database where the settings say (SCORES_DB): said in one line. */
class NoDatabase extends UsageError {
	readonly path: string;
	constructor(path: string) {
		super(`no score database at ${path}; set SCORES_DB (or DATABASE_URL) to the server's`);
		this.path = path;
	}
}

/**
 * Runs `use` on the score server's database (as `npm start` would open it), and closes it again;
 * never creates a database. `where` names it without its password.
 */
async function withDatabase<T>(use: (db: Database, where: string) => Promise<T>): Promise<T> {
	let config: ServerConfig;
	try {
		config = readConfig();
	} catch (error) {
		if (error instanceof ConfigError) throw new UsageError(error.message);
		throw error;
	}
	const where = config.databaseUrl === null ? config.dbPath : redactedUrl(config.databaseUrl);
	if (config.databaseUrl === null && (config.dbPath === ":memory:" || !existsSync(config.dbPath))) {
		throw new NoDatabase(config.dbPath);
	}
	let opened;
	try {
		opened = await openConfiguredDatabase(config);
	} catch (error) {
		if (error instanceof DatabaseUnavailableError) throw new UsageError(error.message);
		throw error;
	}
	try {
		return await use(opened.database, where);
	} finally {
		await opened.database.close();
	}
}

/** Checked before the build, so a wrong path fails at once and with its reason. */
function writable(path: string): void {
	try {
		if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
			throw new UsageError(`cannot write ${path}: it is a folder`);
		}
		accessSync(dirname(path), constants.W_OK);
	} catch (error) {
		if (error instanceof UsageError) throw error;
		const code = (error as { code?: string }).code;
		throw new UsageError(
			`cannot write ${path}: ${code === "ENOENT" ? "no such folder" : code === "EACCES" ? "permission denied" : (code ?? "error")}`,
		);
	}
}

main(async (args) => {
	const options = await parse(args);
	const dir = mkdtempSync(join(tmpdir(), "staging-trainer-scorm-"));
	try {
		// Loaded only now: input is checked (and refused) without loading the bundler.
		const { buildLmsRuntime } = await import("../src/build/lms-runtime.ts");
		await buildLmsRuntime(options.locale, dir);
		const runtime = readRuntime(dir);
		if (runtime === null) throw new Error("the build wrote no runtime");
		const built = scormPackage(options, runtime);
		writeFileSync(options.out, built.zip);
		// A package made from the score server's data (a cohort, a trainer's scenario) is an export
		// of it: the audit trail says so. A built-in scenario alone needs no database to package.
		if (options.cohort !== undefined || options.own !== undefined) {
			await withDatabase((db) =>
				new AuditLog(db).record({
					actor: { id: null, name: "command line" },
					action: "scorm-exported",
					targetType: options.cohort === undefined ? "scenario" : "cohort",
					targetId: options.cohort?.id ?? options.scenarioId,
					target: options.cohort?.name ?? options.scenarioId,
					details: { scenario: options.scenarioId, version: options.version, lang: options.locale },
					address: "command line",
				}),
			);
		}
		const shown = relative(process.env.INIT_CWD ?? process.cwd(), options.out);
		process.stdout.write(
			`${shown.startsWith("..") || shown === "" ? options.out : shown}: SCORM ${options.version}, ${built.files} files, ${built.zip.length} bytes\n`,
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
