import type { Gesture } from "./plan.ts";

/**
 * How long the demo lets each thing take at normal pace, in milliseconds: slow enough to follow
 * with the eyes, and a caption's "why" stays long enough to read before the hands move on. The
 * player waits by these numbers and `demoDuration` adds them up, so the stated length of a demo is
 * the one it plays.
 */
export const timing = {
	/** Before each gesture: the eye finds the next control. */
	beforeGesture: 500,
	/** Typing, per character; long texts type faster so no field takes longer than `typingCap`. */
	perCharacter: 55,
	typingCap: 2400,
	/** After a click, for the screen's answer (a dialog opening, a list growing) to be seen. */
	afterClick: 600,
	/** Reading a new step's caption: per word, within these bounds. */
	perWord: 110,
	readingMin: 1500,
	readingMax: 6000,
} as const;

export const paces = ["slow", "normal", "fast"] as const;
export type Pace = (typeof paces)[number];

/** How much longer (slow) or shorter (fast) every wait is than at normal pace. */
export const paceFactor: Readonly<Record<Pace, number>> = { slow: 1.6, normal: 1, fast: 0.3 };

/** Per character while typing `text`; 0 with reduced motion, where a field is filled at once. */
export function characterDelay(text: string, reducedMotion: boolean): number {
	if (reducedMotion || text.length === 0) return 0;
	return Math.min(timing.perCharacter, timing.typingCap / text.length);
}

/** How long a caption stays before the first gesture of its step. */
export function readingTime(caption: string): number {
	const words = caption.split(/\s+/).filter(Boolean).length;
	return Math.min(timing.readingMax, Math.max(timing.readingMin, words * timing.perWord));
}

/** The waits of one gesture at normal pace, in the order the player takes them. */
export function gestureTime(gesture: Gesture, reducedMotion: boolean): number {
	const typing =
		gesture.kind === "type" ? characterDelay(gesture.text, reducedMotion) * gesture.text.length : 0;
	const after = gesture.kind === "click" ? timing.afterClick : 0;
	return timing.beforeGesture + typing + after;
}

/**
 * The length of a demo: every gesture, plus reading time whenever the step (and so the caption)
 * changes. `why` gives a step's caption text.
 */
export function demoDuration(
	gestures: readonly Gesture[],
	why: (step: Gesture["step"]) => string,
	pace: Pace = "normal",
	reducedMotion = false,
): number {
	let total = 0;
	let step: Gesture["step"] | undefined;
	for (const gesture of gestures) {
		if (gesture.step !== step) {
			step = gesture.step;
			total += readingTime(why(step));
		}
		total += gestureTime(gesture, reducedMotion);
	}
	return total * paceFactor[pace];
}
