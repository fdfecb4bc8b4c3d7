import { Show, createMemo, createSignal } from "solid-js";
import type { Translate } from "../text/locale.ts";
import type { Locale } from "../text/locale.ts";
import { leavesOf, type StepId } from "../process/steps.ts";
import { createSession } from "../store/session/store.ts";
import { ConfirmButton } from "./primitives/ConfirmButton.tsx";
import { SessionView } from "./SessionView.tsx";
import { randomSeed } from "./random-seed.ts";
import { Workspace } from "./Workspace.tsx";
import { SimProvider, createSim } from "./context.tsx";
import { ResultsPhase } from "./ResultsPhase.tsx";

/**
 * A one-step exercise embedded next to its step in the guide: starts from the prepared state of a
 * scenario and checks only that step.
 */
export default function Exercise(props: {
	locale: Locale;
	t: Translate;
	name: string;
	scenario: string;
	focus: StepId;
}) {
	const t = props.t;
	const session = createSession(`exercise-${props.name}`);
	const sim = createSim(t, props.locale, session);
	const [open, setOpen] = createSignal(false);
	const running = createMemo(() => {
		const s = sim.saved();
		return s.kind === "ok" ? s.session : undefined;
	});
	const start = () => {
		session.start({
			scenarioId: props.scenario,
			seed: randomSeed(),
			mode: "practice",
			locale: props.locale,
			start: props.focus,
		});
		sim.setView({ page: "users" });
		setOpen(true);
	};
	const only = [props.focus, ...leavesOf(props.focus)];

	// Before the exercise starts, and after a reload: start, or continue / restart a stored run.
	const Intro = () => (
		<>
			<p>{t("ui.exercise.intro")}</p>
			<div class="st-actions">
				<Show
					when={running()}
					fallback={
						<button type="button" class="st-button st-button--primary" onClick={start}>
							{t("ui.exercise.start")}
						</button>
					}
				>
					{/* Restarting discards the stored run, so it asks first. */}
					<ConfirmButton
						label={t("ui.exercise.restart")}
						title={t("ui.confirm.restartTitle")}
						text={t("ui.confirm.restartText")}
						confirmLabel={t("ui.confirm.restart")}
						onConfirm={start}
					/>
				</Show>
				<Show when={running()}>
					<button type="button" class="st-button" onClick={() => setOpen(true)}>
						{t("ui.exercise.continue")}
					</button>
				</Show>
			</div>
		</>
	);

	return (
		<SimProvider value={sim}>
			<section
				class="st-sim st-exercise not-content"
				aria-label={t("ui.exercise.region", { step: t(`steps.${props.focus}.title`) })}
			>
				<p class="st-exercise__title">
					<strong>{t("ui.exercise.title")}:</strong> {t(`steps.${props.focus}.title`)}
				</p>
				<SessionView
					idle={<Intro />}
					finished={
						<ResultsPhase title={t("ui.exercise.result")}>
							<div class="st-actions">
								<button type="button" class="st-button st-button--primary" onClick={start}>
									{t("ui.exercise.restart")}
								</button>
							</div>
						</ResultsPhase>
					}
					running={
						<Show when={open()} fallback={<Intro />}>
							<Workspace
								mode="practice"
								only={only}
								// The same finish button as the practice page's (Simulator.tsx), with this text.
								actions={
									<button
										type="button"
										class="st-button st-button--primary"
										onClick={() => session.finish()}
									>
										{t("ui.exercise.finish")}
									</button>
								}
							/>
						</Show>
					}
				/>
			</section>
		</SimProvider>
	);
}
