import { persistentAtom } from "@nanostores/persistent";
import * as z from "zod/mini";
import type { AttemptTrainee } from "../attempt/schema.ts";
import { plainText } from "../text/plain-text.ts";

/**
 * Who is taking the assessment: the display name and the cohort code the trainer handed out.
 * Remembered in localStorage so a trainee enters them once; changeable before every assessment.
 */

export const traineeSchema = z.object({
	name: z.string().check(z.maxLength(100)),
	cohort: z.string().check(z.maxLength(100)),
});
export type Trainee = z.infer<typeof traineeSchema>;

export const emptyTrainee: Trainee = { name: "", cohort: "" };
export const traineeStorageKey = "staging-trainer:trainee";

/** Stored text back to a trainee; anything unreadable or invalid counts as not entered yet. */
export function decodeTrainee(stored: string): Trainee {
	try {
		const parsed = traineeSchema.safeParse(JSON.parse(stored));
		return parsed.success ? parsed.data : emptyTrainee;
	} catch {
		return emptyTrainee;
	}
}

export const $trainee = persistentAtom<Trainee>(traineeStorageKey, emptyTrainee, {
	encode: JSON.stringify,
	decode: decodeTrainee,
});

/**
 * Saves name and cohort as the trainer will see them (`plainText`: no invisible characters) and cut
 * to the lengths the attempt schema accepts.
 */
export function setTrainee(name: string, cohort: string): void {
	$trainee.set({ name: plainText(name).slice(0, 100), cohort: plainText(cohort).slice(0, 100) });
}

/** The trainee part of an attempt, or undefined while no name is entered. */
export function attemptTrainee(trainee: Trainee): AttemptTrainee | undefined {
	const name = trainee.name.trim();
	return name === "" ? undefined : { name, cohort: trainee.cohort.trim() };
}
