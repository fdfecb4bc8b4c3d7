import { createSignal, type Accessor } from "solid-js";
import { paceFactor, type Pace } from "./timing.ts";

/**
 * When the demo shows its next action: play and pause, one action forward or back, the pace of
 * every wait, and the end when the demo goes away. It knows nothing of screens or captions; what
 * an action looks like is `show`'s business, and the state it keeps (in Solid signals) is what the
 * controls render.
 *
 * An action runs as a chain of gestures with waits between them, and every wait is a point where
 * the scheduler may hold it (paused) or stop it (Back pressed, the demo closed). A stopped action
 * never touches the screen again: its wait throws, and the loop starts over from the log as it is.
 */

/** Waits `ms` at normal pace: scaled by the pace, held while paused, throws once stopped. */
export type Wait = (ms: number) => Promise<void>;

export interface SchedulerDeps {
	/** How many actions the demo shows in all. */
	readonly total: number;
	/** How many are in the attempt's log: the next one to show has this index. */
	readonly done: () => number;
	/** Shows action `index`, taking each pause through `wait`; it ends with the action in the log. */
	readonly show: (index: number, wait: Wait) => Promise<void>;
	/** Leaves the screen as it was before a half-shown action (closes its dialog). */
	readonly abandon: () => void;
	/** Takes the last action out of the log. */
	readonly takeBack: () => void;
	/** The clock: resolves after `ms` milliseconds. */
	readonly sleep: (ms: number) => Promise<void>;
	readonly pace: () => Pace;
	/** Told what stopped the demo for good, when it was not the trainee or the demo's end. */
	readonly report: (error: unknown) => void;
}

export interface DemoScheduler {
	readonly playing: Accessor<boolean>;
	/** The index of the action being shown, while its gestures run. */
	readonly acting: Accessor<number | undefined>;
	/** The demo stopped on an error and cannot go on. */
	readonly broken: Accessor<boolean>;
	/** Runs the demo until it is disposed or breaks; call once. */
	run(): Promise<void>;
	/** Play or pause; a pause holds at the next wait, so the gesture under way completes. */
	toggle(): void;
	/** Show one action (the next, or the rest of the one under way), then pause. */
	next(): void;
	/** Back one action: an action half shown is abandoned, else the last one is taken back. */
	back(): void;
	/** Ends the loop at its next wait; it never touches the screen again. */
	dispose(): void;
}

/** Thrown into a running action when the trainee takes an action back or the demo goes away. */
const stopped = Symbol("stopped");

export function createDemoScheduler(deps: SchedulerDeps): DemoScheduler {
	const [playing, setPlaying] = createSignal(true);
	const [acting, setActing] = createSignal<number | undefined>();
	const [broken, setBroken] = createSignal(false);

	// Each Back starts a new generation: an action begun under an older one is stopped.
	let generation = 0;
	// Next was pressed: the loop may go on while paused, until that one action is shown.
	let single = false;
	let disposed = false;
	// The paused loop's way to go on; only the loop waits, so there is at most one.
	let wake: (() => void) | undefined;
	const rouse = () => {
		const w = wake;
		wake = undefined;
		w?.();
	};

	/** Returns when the demo may go on; throws once the trainee stepped back or it was closed. */
	async function gate(mine: number): Promise<void> {
		for (;;) {
			if (mine !== generation || disposed) throw stopped;
			if (playing() || single) return;
			await new Promise<void>((resolve) => (wake = resolve));
		}
	}

	const waitFor =
		(mine: number): Wait =>
		async (ms) => {
			await gate(mine);
			if (ms > 0) await deps.sleep(ms * paceFactor[deps.pace()]);
			await gate(mine);
		};

	/** Shows the next action; at the end, holds until Back makes one next again. */
	async function step(mine: number): Promise<void> {
		await gate(mine);
		const index = deps.done();
		if (index >= deps.total) {
			setPlaying(false);
			await gate(mine);
			return;
		}
		setActing(index);
		await deps.show(index, waitFor(mine));
		setActing(undefined);
		if (single) {
			single = false;
			setPlaying(false);
		}
	}

	async function run(): Promise<void> {
		for (;;) {
			try {
				await step(generation);
			} catch (error) {
				setActing(undefined);
				if (error === stopped) {
					if (disposed) return;
					continue;
				}
				deps.report(error);
				setBroken(true);
				setPlaying(false);
				return;
			}
		}
	}

	function back(): void {
		const started = acting();
		// The action under way stops at its next wait, before it touches the screen again.
		setActing(undefined);
		generation++;
		single = false;
		setPlaying(false);
		deps.abandon();
		if (started === undefined || deps.done() > started) deps.takeBack();
		rouse();
	}

	function next(): void {
		single = true;
		rouse();
	}

	function toggle(): void {
		// Play right after Next: the action Next showed may still be finishing, and must not pause
		// the demo again once it is done (the trainee asked for the rest).
		if (!playing()) single = false;
		setPlaying(!playing());
		rouse();
	}

	function dispose(): void {
		disposed = true;
		rouse();
	}

	return { playing, acting, broken, run, toggle, next, back, dispose };
}
