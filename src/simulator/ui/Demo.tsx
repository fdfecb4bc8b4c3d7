import { For, Show, createSignal, onCleanup, onMount } from "solid-js";
import { emphasisRuns } from "../../i18n/emphasis.ts";
import whyDe from "../../i18n/why-de.json";
import whyEn from "../../i18n/why-en.json";
import type { LeafStepId } from "../process/steps.ts";
import { solution } from "../scenarios/solution.ts";
import { useSim } from "./context.tsx";
import { gesturesFor } from "./demo/plan.ts";
import { MissingControl, perform, type Hands } from "./demo/player.ts";
import { paceFactor, paces, readingTime, type Pace } from "./demo/timing.ts";
import { watchOnly } from "./demo/watch-only.ts";

/** Thrown into a running action when the trainee steps back or the demo goes away. */
const stopped = Symbol("stopped");

// The pace is kept while the page is open, so a second demo plays at the pace chosen for the first.
const [pace, setPace] = createSignal<Pace>("normal");

/**
 * "Show me": plays the reference solution through the Control Center's own screens, one gesture at
 * a time (open the dialog, type, tick, press the button), with a caption that names the step and
 * says why it comes here, in the guide's words. Pausable, one action forwards or back, three paces;
 * with reduced motion the fields fill at once and nothing scrolls smoothly.
 */
export default function DemoControls() {
	const sim = useSim();
	const why = sim.locale === "de" ? whyDe : whyEn;
	const whyText = (step: LeafStepId) => why[step];
	const steps = (() => {
		const r = sim.runtime();
		if (!r) return [];
		const start = sim.saved();
		const from = start.kind === "ok" ? start.session.attempt.scenario.start : undefined;
		return solution(r.scenario, from);
	})();
	const done = () => sim.runtime()?.events.length ?? 0;
	const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

	const [playing, setPlaying] = createSignal(true);
	const [step, setStep] = createSignal<LeafStepId | undefined>(steps[done()]?.step);
	/** The index of the action being shown, while its gestures run. */
	const [acting, setActing] = createSignal<number | undefined>();
	const [broken, setBroken] = createSignal(false);
	const [refused, setRefused] = createSignal(false);

	let root: HTMLDivElement | undefined;
	let token = 0;
	let single = false;
	let disposed = false;
	let wake: (() => void) | undefined;
	const rouse = () => {
		const w = wake;
		wake = undefined;
		w?.();
	};

	/** Returns when the demo may go on; throws once the trainee stepped back or it was closed. */
	async function gate(mine: number): Promise<void> {
		for (;;) {
			if (mine !== token || disposed) throw stopped;
			if (playing() || single) return;
			await new Promise<void>((resolve) => (wake = resolve));
		}
	}
	const hands = (mine: number): Hands => ({
		stage: () => root?.closest(".st-workspace")?.querySelector(".st-cc, .st-order-frame") ?? null,
		reducedMotion,
		wait: async (ms) => {
			await gate(mine);
			if (ms > 0) await new Promise((r) => setTimeout(r, ms * paceFactor[pace()]));
			await gate(mine);
		},
	});

	async function run(): Promise<void> {
		for (;;) {
			const mine = token;
			try {
				await gate(mine);
				const index = done();
				const event = steps[index];
				if (!event) {
					// The end: wait for a step back (or the trainee finishing the attempt).
					setPlaying(false);
					await gate(mine);
					continue;
				}
				const gestures = gesturesFor(event, sim.state(), sim.t);
				if (!gestures) throw new MissingControl(event.action.type);
				setActing(index);
				const h = hands(mine);
				for (const gesture of gestures) {
					if (gesture.step !== step()) {
						setStep(gesture.step);
						await h.wait(readingTime(whyText(gesture.step)));
					}
					await perform(gesture, h);
				}
				// The screen must have taken exactly the reference's action, or the demo is not
				// showing what it claims to.
				const last = sim.runtime()?.events[index];
				if (done() !== index + 1 || !last || !sameAction(last.action, event.action)) {
					throw new MissingControl(`the screen took another action than ${event.action.type}`);
				}
				setActing(undefined);
				if (single) {
					single = false;
					setPlaying(false);
				}
			} catch (error) {
				setActing(undefined);
				if (error === stopped) {
					if (disposed) return;
					continue;
				}
				console.error("demo stopped:", error);
				setBroken(true);
				setPlaying(false);
				return;
			}
		}
	}

	/** Back one action: an action half shown is abandoned, else the last one is taken back. */
	const back = () => {
		const started = acting();
		// The action under way stops at its next wait, before it touches the screen again.
		setActing(undefined);
		token++;
		single = false;
		setPlaying(false);
		const stage = hands(token).stage();
		const cancel = [
			...(stage?.querySelectorAll<HTMLButtonElement>("dialog[open] button") ?? []),
		].find((b) => b.textContent?.trim() === sim.t("ui.common.cancel"));
		cancel?.click();
		if (started === undefined || done() > started) sim.session.takeBack();
		setStep(steps[done()]?.step);
		rouse();
	};
	const next = () => {
		single = true;
		rouse();
	};
	const toggle = () => {
		// Play right after Next: the action Next showed may still be finishing, and must not pause
		// the demo again once it is done (the trainee asked for the rest).
		if (!playing()) single = false;
		setPlaying(!playing());
		rouse();
	};

	onMount(() => {
		const area = root?.closest<HTMLElement>(".st-workspace");
		if (area) onCleanup(watchOnly(area, () => setRefused(true)));
		void run();
	});
	onCleanup(() => {
		disposed = true;
		rouse();
	});

	const atEnd = () => done() >= steps.length && acting() === undefined;

	return (
		<div ref={root} class="st-demo" role="group" aria-label={sim.t("ui.demo.controls")}>
			<Show
				when={!broken()}
				fallback={
					<p class="st-demo__caption" role="alert">
						{sim.t("ui.demo.broken")}
					</p>
				}
			>
				<div class="st-demo__caption" aria-live="polite">
					<Show when={!atEnd() && step()} fallback={<p>{sim.t("ui.demo.finished")}</p>}>
						{(current) => (
							<>
								<p class="st-demo__step">
									<strong>
										{sim.t("ui.demo.progress", {
											done: Math.min((acting() ?? done()) + 1, steps.length),
											total: steps.length,
										})}
									</strong>{" "}
									{sim.t(`steps.${current()}.title`)}
								</p>
								<p class="st-demo__why">
									<strong>{sim.t("ui.demo.why")}</strong>{" "}
									<For each={emphasisRuns(whyText(current()))}>
										{(run) => (run.strong ? <strong>{run.text}</strong> : run.text)}
									</For>
								</p>
							</>
						)}
					</Show>
				</div>
			</Show>
			<div class="st-actions">
				<button
					type="button"
					class="st-button"
					onClick={back}
					disabled={broken() || (done() === 0 && acting() === undefined)}
				>
					{sim.t("ui.demo.back")}
				</button>
				<button type="button" class="st-button" onClick={toggle} disabled={broken() || atEnd()}>
					{playing() ? sim.t("ui.demo.pause") : sim.t("ui.demo.play")}
				</button>
				<button
					type="button"
					class="st-button"
					onClick={next}
					disabled={broken() || playing() || atEnd()}
				>
					{sim.t("ui.demo.next")}
				</button>
				<label class="st-demo__pace">
					{sim.t("ui.demo.pace")}{" "}
					<select value={pace()} onChange={(e) => setPace(e.currentTarget.value as Pace)}>
						<For each={paces}>
							{(p) => (
								<option value={p} selected={p === pace()}>
									{sim.t(`ui.demo.paces.${p}`)}
								</option>
							)}
						</For>
					</select>
				</label>
			</div>
			<p class="st-demo__note" classList={{ "st-demo__note--alert": refused() }}>
				{sim.t("ui.demo.watchOnly")}
			</p>
		</div>
	);
}

/** The same action, whatever order the screen put its fields in. */
function sameAction(a: object, b: object): boolean {
	return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
	if (value && typeof value === "object") {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([x], [y]) => (x < y ? -1 : 1));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
	}
	return JSON.stringify(value);
}
