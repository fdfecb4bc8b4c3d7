import { Show, createSignal, onCleanup } from "solid-js";
import { solution } from "../scenarios/solution.ts";
import { stepPage } from "./step-page.ts";
import { useSim } from "./context.tsx";

/** Milliseconds between two steps while the demo plays. */
export const demoInterval = 1500;

/**
 * "Show me": plays the reference solution through the same model and Control Center, one action at
 * a time with a caption, pausable, and lets the trainee step through it by hand.
 */
export default function DemoControls(props: { onEnd: () => void }) {
	const sim = useSim();
	const plan = () => {
		const r = sim.runtime();
		if (!r) return [];
		const start = sim.stored();
		const from = start.kind === "ok" ? start.session.attempt.scenario.start : undefined;
		return solution(r.scenario, from);
	};
	const steps = plan();
	const done = () => sim.runtime()?.events.length ?? 0;
	const [playing, setPlaying] = createSignal(true);
	/** The action about to be played; none once the solution has played to the end. */
	const current = () => (done() < steps.length ? steps[done()] : undefined);

	const next = () => {
		const event = steps[done()];
		if (!event) return finish();
		sim.setView({ page: stepPage(event.step) });
		sim.dispatch(event.action);
		if (done() >= steps.length) finish();
	};
	const finish = () => {
		setPlaying(false);
		props.onEnd();
	};
	const timer = setInterval(() => {
		if (playing()) next();
	}, demoInterval);
	onCleanup(() => clearInterval(timer));

	return (
		<div class="st-demo" role="group" aria-label={sim.t("ui.demo.controls")}>
			<p class="st-demo__caption" aria-live="polite">
				<Show when={current()} fallback={sim.t("ui.demo.finished")}>
					{(event) => (
						<>
							<strong>
								{sim.t("ui.demo.progress", {
									done: Math.min(done() + 1, steps.length),
									total: steps.length,
								})}
							</strong>{" "}
							{sim.t(`steps.${event().step}.title`)}
							{/* The action only when it says more than the step ("Invite guest user" twice). */}
							<Show
								when={
									sim.t(`actions.${event().action.type}`) !== sim.t(`steps.${event().step}.title`)
								}
							>
								: {sim.t(`actions.${event().action.type}`)}
							</Show>
						</>
					)}
				</Show>
			</p>
			<div class="st-actions">
				<button type="button" class="st-button" onClick={() => setPlaying(!playing())}>
					{playing() ? sim.t("ui.demo.pause") : sim.t("ui.demo.play")}
				</button>
				<button type="button" class="st-button" onClick={next} disabled={done() >= steps.length}>
					{sim.t("ui.demo.next")}
				</button>
			</div>
		</div>
	);
}
