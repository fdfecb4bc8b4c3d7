import { readFileSync } from "node:fs";
import { evaluateAttempt } from "../src/simulator/attempt/index.ts";
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
	// The same evaluation as the server's, so the CLI names the same problems in the same words.
	const evaluation = evaluateAttempt(value);
	if (!evaluation.ok) throw new UsageError(`${path} is not a valid attempt: ${evaluation.message}`);
	const { attempt, grade: result } = evaluation;
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
