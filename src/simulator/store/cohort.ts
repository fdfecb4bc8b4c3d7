import { persistentAtom } from "@nanostores/persistent";
import type { Assignment } from "../cohort/assignment.ts";

/**
 * The cohort this browser joined: what its code assigns and the name the trainee joined with.
 * Kept in localStorage, so a trainee joins once and a reload keeps the assignment; null when the
 * trainee has not joined one (the practice page then offers every scenario, as without a server).
 */
export interface Joined {
	readonly assignment: Assignment;
	readonly name: string;
}

export const cohortStorageKey = "staging-trainer:cohort";

/**
 * Stored text back to a joined cohort, or null. Only the shape is looked at here, so that the
 * practice page's first screen does not carry the cohort schemas; the cohort panel, which loads
 * with a joined cohort, checks the assignment with its schema (`checkedJoined`) before using it.
 */
export function decodeJoined(text: string | undefined): Joined | null {
	if (!text) return null;
	try {
		const value = JSON.parse(text) as Partial<Joined> | null;
		return typeof value?.assignment === "object" && typeof value.name === "string"
			? (value as Joined)
			: null;
	} catch {
		return null;
	}
}

export const $joined = persistentAtom<Joined | null>(cohortStorageKey, null, {
	encode: (value) => (value === null ? "" : JSON.stringify(value)),
	decode: decodeJoined,
});
