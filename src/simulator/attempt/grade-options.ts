import type { GradeOptions } from "../grading/grade.ts";
import type { Attempt } from "./schema.ts";

/**
 * How an attempt is graded. An attempt that starts at a step is a one-step exercise, graded on that
 * step alone; every grading path (browser, server, CLI) takes its options from here. On its own, so
 * the browser's running exercise takes this without the file-checking code around it.
 */
export function gradeOptions(attempt: Pick<Attempt, "scenario" | "hintsUsed">): GradeOptions {
	const start = attempt.scenario.start;
	return { start, focus: start, hintsUsed: attempt.hintsUsed };
}
