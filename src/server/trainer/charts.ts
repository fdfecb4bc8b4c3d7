import type { StepRate } from "../cohorts/insight.ts";

/**
 * What a cohort page's two charts draw, worked out apart from their markup so the order and
 * every number can be tested: the share of submitted assessments that did each step (worst
 * first), and submitted assessments by score band. Shares are 0..1; a chart without data
 * draws nothing.
 */

export interface StepBar {
	readonly step: StepRate["step"];
	readonly done: number;
	readonly attempts: number;
	/** done / attempts, 0..1. */
	readonly share: number;
}

/** Steps with at least one submitted assessment, the least often done first; ties by procedure. */
export function stepBars(
	steps: readonly StepRate[],
	order: readonly StepRate["step"][],
): StepBar[] {
	return steps
		.filter((s) => s.attempts > 0)
		.map((s) => ({ step: s.step, done: s.done, attempts: s.attempts, share: s.done / s.attempts }))
		.sort((a, b) => a.share - b.share || order.indexOf(a.step) - order.indexOf(b.step));
}

export interface ScoreBand {
	/** The lowest and highest score of the band: 0–9, …, 90–100 (the top band holds the maximum). */
	readonly from: number;
	readonly to: number;
	readonly count: number;
	/** count / the fullest band's count, 0..1: the bar's height. */
	readonly height: number;
}

/** Score bands of equal width; the last one includes the maximum score. */
export function scoreBands(counts: readonly number[], maxScore: number): ScoreBand[] {
	const width = maxScore / counts.length;
	const most = Math.max(1, ...counts);
	return counts.map((count, i) => ({
		from: i * width,
		to: i === counts.length - 1 ? maxScore : (i + 1) * width - 1,
		count,
		height: count / most,
	}));
}
