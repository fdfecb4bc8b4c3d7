import { readFileSync } from "node:fs";
import { translator } from "../src/i18n/translator.ts";
import { proveScenario, type ProofProblem } from "../src/simulator/proofs/prove.ts";
import { UsageError, main, userPath } from "./cli-output.ts";

/**
 * npm run scenario:check -- <scenario.json> [more.json …]
 * Runs the proofs the dashboard's editor runs (the schema, the reference solution, the brief-only
 * trainee over 50 variants in each language the scenario has, each critical mistake found) on
 * each file. Prints one line per problem, "file: proof: problem", and exits with 2 when any file
 * has one; otherwise one line per file and exit code 0. For a trainer's own repository and CI.
 */

const translators = { de: translator("de"), en: translator("en") };

/** A problem's field as a path a reader finds in the file: `configurations[0].label`. */
function field(problem: ProofProblem): string {
	return problem.path
		.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`))
		.join("");
}

function check(path: string): string[] {
	let text: string;
	try {
		text = readFileSync(userPath(path), "utf8");
	} catch (error) {
		const code = (error as { code?: string }).code;
		return [`${path}: cannot read it (${code === "ENOENT" ? "no such file" : (code ?? "error")})`];
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return [`${path}: not valid JSON: ${(error as Error).message}`];
	}
	const result = proveScenario(value, { translators });
	return result.proofs.flatMap((proof) =>
		proof.problems.map((problem) => {
			const where = field(problem);
			return `${path}: ${proof.id}: ${where === "" ? "" : `${where}: `}${problem.message}`;
		}),
	);
}

main((args) => {
	if (args.length === 0) throw new UsageError("usage: npm run scenario:check -- <scenario.json> …");
	let failed = false;
	for (const path of args) {
		const problems = check(path);
		for (const line of problems) process.stderr.write(`${line.replace(/\s+/g, " ").trim()}\n`);
		if (problems.length === 0) process.stdout.write(`${path}: fair (every proof passed)\n`);
		failed ||= problems.length > 0;
	}
	if (failed) process.exit(2);
});
