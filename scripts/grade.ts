import { readFileSync } from "node:fs";
import { attemptProblem, type Attempt } from "../src/simulator/attempt.ts";
import { attemptScenario, grade, gradeOptions } from "../src/simulator/grading/index.ts";
import { UsageError, main, printJson, userPath } from "./cli-output.ts";

/**
 * npm run grade -- <attempt.json>   (or - for standard input)
 * Replays the attempt and prints the grading result as JSON. A file that is not a valid attempt gets
 * one line naming the first problem and exit code 2.
 */

function read(path: string): string {
	try {
		return readFileSync(path === "-" ? 0 : userPath(path), "utf8");
	} catch (error) {
		const code = (error as { code?: string }).code;
		throw new UsageError(
			code === "ENOENT"
				? `cannot read ${path}: no such file`
				: `cannot read ${path}: ${code ?? "error"}`,
		);
	}
}

main((args) => {
	const [path, extra] = args;
	if (path === undefined || extra !== undefined) {
		throw new UsageError("usage: npm run grade -- <attempt.json>");
	}
	let value: unknown;
	try {
		value = JSON.parse(read(path));
	} catch (error) {
		if (error instanceof UsageError) throw error;
		throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
	}
	const problem = attemptProblem(value);
	if (problem !== null) throw new UsageError(`${path} is not a valid attempt: ${problem}`);
	const attempt = value as Attempt;
	const scenario = attemptScenario(attempt);
	if (scenario === undefined) {
		throw new UsageError(
			`${path} is not a valid attempt: scenario.id: unknown scenario ${JSON.stringify(attempt.scenario.id)}`,
		);
	}
	const result = grade(scenario, attempt.events, gradeOptions(attempt));
	printJson({
		attempt: attempt.id,
		scenario: attempt.scenario,
		...result,
		...(attempt.claimedScore === undefined
			? {}
			: {
					claimedScore: attempt.claimedScore,
					claimMatches: attempt.claimedScore === result.score,
				}),
	});
});
