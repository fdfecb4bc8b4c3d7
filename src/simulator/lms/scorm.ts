import type { GradeResult } from "../grading/grade.ts";
import { maxScore } from "../grading/rubric.ts";

/**
 * What an LMS records of an assessment taken in a SCORM package: the values the package writes
 * through the LMS's run-time API when the trainee finishes, for SCORM 1.2 and SCORM 2004 (4th
 * edition). Pure, so the same grade gives the same values in the browser and in tests.
 */

export const scormVersions = ["1.2", "2004"] as const;
export type ScormVersion = (typeof scormVersions)[number];

/**
 * The most `cmi.suspend_data` may hold, in characters: SCORM 1.2 guarantees 4,096, SCORM 2004's
 * 4th edition 64,000. The package keeps the attempt there so a learner can leave and resume.
 */
export const suspendDataLimit: Readonly<Record<ScormVersion, number>> = {
	"1.2": 4096,
	"2004": 64000,
};

/** A time span as each version writes it (`session_time`, SCORM's word for one launch): 1.2 `HHHH:MM:SS.SS`, 2004 ISO 8601 `PT…H…M…S`. */
export function scormTimeSpan(milliseconds: number, version: ScormVersion): string {
	const centis = Math.max(0, Math.round(milliseconds / 10));
	const hours = Math.floor(centis / 360000);
	const minutes = Math.floor((centis % 360000) / 6000);
	const seconds = (centis % 6000) / 100;
	if (version === "2004")
		return `PT${hours}H${minutes}M${seconds.toFixed(2).replace(/\.00$/, "")}S`;
	const two = (n: number) => String(n).padStart(2, "0");
	const [whole = "0", fraction = "00"] = seconds.toFixed(2).split(".");
	return `${String(Math.min(hours, 9999)).padStart(4, "0")}:${two(minutes)}:${two(Number(whole))}.${fraction}`;
}

/**
 * A variant per learner that stays the same at every launch: the LMS's learner id hashed to a seed
 * (32-bit FNV-1a), so a learner who starts over gets their own variant again and neighbours get others.
 */
export function learnerSeed(learnerId: string): number {
	let hash = 0x811c9dc5;
	for (const byte of new TextEncoder().encode(learnerId)) {
		hash ^= byte;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash;
}

/** One value to set through the API, in the order the standard requires (an interaction's id first). */
export type CmiValue = readonly [element: string, value: string];

/**
 * Everything the package reports when the trainee finishes: pass or fail by the grader's own rule
 * (points, critical findings and end-state checks), the score out of the rubric's maximum, the
 * time since this launch and one interaction per procedure step with whether it was done.
 */
export function finishValues(
	version: ScormVersion,
	grade: GradeResult,
	launchMilliseconds: number,
): CmiValue[] {
	const status = grade.passed ? "passed" : "failed";
	const score = String(grade.score);
	if (version === "1.2") {
		return [
			["cmi.core.score.min", "0"],
			["cmi.core.score.max", String(maxScore)],
			["cmi.core.score.raw", score],
			["cmi.core.lesson_status", status],
			["cmi.core.session_time", scormTimeSpan(launchMilliseconds, "1.2")],
			["cmi.core.exit", ""],
			...interactions(grade, "wrong"),
		];
	}
	return [
		["cmi.score.min", "0"],
		["cmi.score.max", String(maxScore)],
		["cmi.score.raw", score],
		["cmi.score.scaled", String(grade.score / maxScore)],
		["cmi.success_status", status],
		["cmi.completion_status", "completed"],
		["cmi.session_time", scormTimeSpan(launchMilliseconds, "2004")],
		["cmi.exit", "normal"],
		...interactions(grade, "incorrect"),
	];
}

/** One interaction per procedure step, id first; the versions name an undone step differently. */
function interactions(grade: GradeResult, undone: "wrong" | "incorrect"): CmiValue[] {
	return grade.steps.flatMap((step, n): CmiValue[] => [
		[`cmi.interactions.${n}.id`, step.id],
		[`cmi.interactions.${n}.type`, "performance"],
		[`cmi.interactions.${n}.result`, step.done ? "correct" : undone],
	]);
}

/**
 * The values a report stands on: the verdict and the score. An LMS may refuse the others (SCORM 1.2
 * lets it leave out interactions and the score's range), and the result is still recorded.
 */
export function essentialElements(version: ScormVersion): readonly string[] {
	return version === "1.2"
		? ["cmi.core.lesson_status", "cmi.core.score.raw"]
		: ["cmi.success_status", "cmi.completion_status", "cmi.score.raw", "cmi.score.scaled"];
}

/** What the package reports when the trainee leaves before finishing, so the LMS offers to resume. */
export function suspendValues(version: ScormVersion, launchMilliseconds: number): CmiValue[] {
	return version === "1.2"
		? [
				["cmi.core.lesson_status", "incomplete"],
				["cmi.core.session_time", scormTimeSpan(launchMilliseconds, "1.2")],
				["cmi.core.exit", "suspend"],
			]
		: [
				["cmi.completion_status", "incomplete"],
				["cmi.session_time", scormTimeSpan(launchMilliseconds, "2004")],
				["cmi.exit", "suspend"],
			];
}

/** The elements each version names the learner, the learner's id and the saved data by. */
export const cmiNames: Readonly<
	Record<ScormVersion, { name: string; id: string; suspend: string }>
> = {
	"1.2": { name: "cmi.core.student_name", id: "cmi.core.student_id", suspend: "cmi.suspend_data" },
	"2004": { name: "cmi.learner_name", id: "cmi.learner_id", suspend: "cmi.suspend_data" },
};

/**
 * An LMS gives the learner's name as "Last, First" (SCORM's own example); a trainer reads names
 * first name first, as trainees type them elsewhere in the trainer.
 */
export function displayName(lmsName: string): string {
	const parts = lmsName.split(",").map((p) => p.trim());
	return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : lmsName.trim();
}
