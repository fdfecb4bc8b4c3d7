import { For, Show, createSignal, onCleanup, onMount } from "solid-js";
import { emphasisRuns } from "../../../i18n/emphasis.ts";
import whyDe from "../../../i18n/why-de.json";
import whyEn from "../../../i18n/why-en.json";
import type { LeafStepId } from "../../process/steps.ts";
import { solution } from "../../scenarios/solution.ts";
import { useSim } from "../context.tsx";
import { gesturesFor } from "./plan.ts";
import { createDemoScheduler, type DemoScheduler } from "./scheduler.ts";
import { showAction } from "./show.ts";
import { paces, type Pace } from "./timing.ts";
import { watchOnly } from "./watch-only.ts";

// The pace is kept while the page is open, so a second demo plays at the pace chosen for the first.
const [pace, setPace] = createSignal<Pace>("normal");

/**
 * "Show me": plays the reference solution through the Control Center's own screens, one gesture at
 * a time (open the dialog, type, tick, press the button), with a caption that names the step and
 * says why it comes here, in the guide's words. Pausable, one action forwards or back, three paces
 * (`scheduler.ts`); with reduced motion the fields fill at once and nothing scrolls smoothly.
 */
export default function DemoControls() {
	const sim = useSim();
	const why = sim.locale === "de" ? whyDe : whyEn;
	const whyText = (step: LeafStepId) => why[step];
	const reference = (() => {
		const r = sim.runtime();
		if (!r) return [];
		const start = sim.saved();
		const from = start.kind === "ok" ? start.session.attempt.scenario.start : undefined;
		return solution(r.scenario, from);
	})();
	const log = () => sim.runtime()?.events ?? [];
	const done = () => log().length;
	const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

	const [step, setStep] = createSignal<LeafStepId | undefined>(reference[done()]?.step);
	const [refused, setRefused] = createSignal(false);

	let root: HTMLDivElement | undefined;
	const stage = () =>
		root?.closest(".st-workspace")?.querySelector<HTMLElement>(".st-cc, .st-order-frame") ?? null;

	const demo = createDemoScheduler({
		total: reference.length,
		done,
		show: showAction({
			reference,
			gesturesFor: (event) => gesturesFor(event, sim.state(), sim.t),
			hands: (wait) => ({ stage, reducedMotion, wait }),
			step,
			setStep,
			why: whyText,
			log,
		}),
		abandon: () => {
			const cancel = [
				...(stage()?.querySelectorAll<HTMLButtonElement>("dialog[open] button") ?? []),
			].find((b) => b.textContent?.trim() === sim.t("ui.common.cancel"));
			cancel?.click();
		},
		takeBack: () => sim.session.takeBack(),
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		pace,
		report: (error) => console.error("demo stopped:", error),
	});
	const back = () => {
		demo.back();
		setStep(reference[done()]?.step);
	};

	onMount(() => {
		const area = root?.closest<HTMLElement>(".st-workspace");
		if (area) onCleanup(watchOnly(area, () => setRefused(true)));
		void demo.run();
	});
	onCleanup(demo.dispose);

	const atEnd = () => done() >= reference.length && demo.acting() === undefined;

	return (
		<div ref={root} class="st-demo" role="group" aria-label={sim.t("ui.demo.controls")}>
			<Show
				when={!demo.broken()}
				fallback={
					<p class="st-demo__caption" role="alert">
						{sim.t("ui.demo.broken")}
					</p>
				}
			>
				<Caption
					step={atEnd() ? undefined : step()}
					number={Math.min((demo.acting() ?? done()) + 1, reference.length)}
					total={reference.length}
					why={whyText}
				/>
			</Show>
			<div class="st-actions">
				<Buttons demo={demo} done={done()} atEnd={atEnd()} onBack={back} />
				<PacePicker />
			</div>
			<p class="st-demo__note" classList={{ "st-demo__note--alert": refused() }}>
				{sim.t("ui.demo.watchOnly")}
			</p>
		</div>
	);
}

/** Which action of how many is shown, its step, and why the step comes here; or the end. */
function Caption(props: {
	step: LeafStepId | undefined;
	number: number;
	total: number;
	why: (step: LeafStepId) => string;
}) {
	const { t } = useSim();
	return (
		<div class="st-demo__caption" aria-live="polite">
			<Show when={props.step} fallback={<p>{t("ui.demo.finished")}</p>}>
				{(current) => (
					<>
						<p class="st-demo__step">
							<strong>{t("ui.demo.progress", { done: props.number, total: props.total })}</strong>{" "}
							{t(`steps.${current()}.title`)}
						</p>
						<p class="st-demo__why">
							<strong>{t("ui.demo.why")}</strong>{" "}
							<For each={emphasisRuns(props.why(current()))}>
								{(run) => (run.strong ? <strong>{run.text}</strong> : run.text)}
							</For>
						</p>
					</>
				)}
			</Show>
		</div>
	);
}

/** Back, Play or Pause, and Next: the scheduler's moves, offered when they can be taken. */
function Buttons(props: { demo: DemoScheduler; done: number; atEnd: boolean; onBack: () => void }) {
	const { t } = useSim();
	const demo = props.demo;
	return (
		<>
			<button
				type="button"
				class="st-button"
				onClick={() => props.onBack()}
				disabled={demo.broken() || (props.done === 0 && demo.acting() === undefined)}
			>
				{t("ui.demo.back")}
			</button>
			<button
				type="button"
				class="st-button"
				onClick={() => demo.toggle()}
				disabled={demo.broken() || props.atEnd}
			>
				{demo.playing() ? t("ui.demo.pause") : t("ui.demo.play")}
			</button>
			<button
				type="button"
				class="st-button"
				onClick={() => demo.next()}
				disabled={demo.broken() || demo.playing() || props.atEnd}
			>
				{t("ui.demo.next")}
			</button>
		</>
	);
}

/** The pace of every wait; kept for the page's next demo. */
function PacePicker() {
	const { t } = useSim();
	return (
		<label class="st-demo__pace">
			{t("ui.demo.pace")}{" "}
			<select value={pace()} onChange={(e) => setPace(e.currentTarget.value as Pace)}>
				<For each={paces}>
					{(p) => (
						<option value={p} selected={p === pace()}>
							{t(`ui.demo.paces.${p}`)}
						</option>
					)}
				</For>
			</select>
		</label>
	);
}
