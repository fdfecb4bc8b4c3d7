import { Show, createMemo, createSignal, lazy, onMount } from "solid-js";
import type { Translate } from "../text/locale.ts";
import type { SavedSession } from "../store/session/saved.ts";
import { $joined } from "../store/cohort.ts";
import type { AttemptTrainee } from "../attempt/schema.ts";
import type { IssuedAttempt } from "../cohort/issued-attempt.ts";
import { useAtom } from "./use-atom.ts";
import type { Locale } from "../text/locale.ts";
import { createSession } from "../store/session/store.ts";
import type { StartRequest } from "./Picker.tsx";
import { randomSeed } from "./random-seed.ts";
import { scenarioText } from "../scenarios/texts.ts";
import { IdleScreen } from "./IdleScreen.tsx";
import { ConfirmButton } from "./primitives/ConfirmButton.tsx";
import { FinishAssessment } from "./FinishAssessment.tsx";
import { Workspace } from "./Workspace.tsx";
import { SimProvider, createSim } from "./context.tsx";
import { SessionView } from "./SessionView.tsx";
import { Phase } from "./Loading.tsx";
import { ResultsPhase } from "./ResultsPhase.tsx";

// Loaded when their phase starts, so the first screen (picker and Control Center) loads less.
const DemoControls = lazy(() => import("./demo/Demo.tsx"));
const Submission = lazy(() => import("./Submission.tsx"));
// A cohort's join form and assigned picker load only when a trainee has or wants a cohort.
const cohortPanel = () => import("./cohort/CohortPanel.tsx");
const JoinCohort = lazy(() => cohortPanel().then((m) => ({ default: m.JoinCohort })));
const CohortPicker = lazy(() => cohortPanel().then((m) => ({ default: m.CohortPicker })));

/** What the trainee asked for on the first screen, before this code had loaded (`Practice.tsx`). */
export type Opening = { kind: "start"; request: StartRequest } | { kind: "join" };

/**
 * The practice page's simulator: pick a scenario and a mode, work in the simulated Control Center,
 * finish and see the results. The session lives in localStorage, so a reload or a switch of language
 * continues where the trainee was.
 */
export default function Simulator(props: { locale: Locale; t: Translate; opening?: Opening }) {
	const t = props.t;
	const session = createSession("practice");
	const sim = createSim(t, props.locale, session);

	const running = createMemo(() => {
		const s = sim.saved();
		return s.kind === "ok" ? s.session : undefined;
	});
	onMount(() => session.setLocale(props.locale));

	const start = ({ scenarioId, mode, trainee }: StartRequest, seed = randomSeed()) => {
		session.start({ scenarioId, seed, mode, locale: props.locale, trainee });
		sim.setView({ page: "dashboard" });
	};
	/** An attempt the server issued for the joined cohort: its scenario, seed and start. */
	const startIssued = (issued: IssuedAttempt, trainee: AttemptTrainee) => {
		session.start({
			scenarioId: issued.scenarioId,
			seed: issued.seed,
			mode: issued.mode,
			locale: props.locale,
			trainee,
			issued,
			own: issued.own,
		});
		sim.setView({ page: "dashboard" });
	};
	const joined = useAtom($joined);
	const [joining, setJoining] = createSignal(props.opening?.kind === "join");
	// Started before this code was there: the first render already shows the attempt. Unless another
	// tab started one meanwhile, which is then shown instead of being overwritten.
	if (props.opening?.kind === "start" && sim.saved().kind === "none") start(props.opening.request);
	const again = (sameSeed: boolean) => {
		const s = running();
		if (!s) return;
		const { scenario, mode, trainee } = s.attempt;
		start({ scenarioId: scenario.id, mode, trainee }, sameSeed ? scenario.seed : randomSeed());
	};

	// An assessment goes to the score server; so does a cohort's practice when it collects it.
	const sendable = (s: SavedSession | undefined) =>
		s?.attempt.mode === "assessment" ||
		(s?.attempt.mode === "practice" && !!s.token && !!$joined.get()?.assignment.collectPractice);
	const practiceVariant = () => {
		const s = running();
		if (s) start({ scenarioId: s.attempt.scenario.id, mode: "practice" }, s.attempt.scenario.seed);
	};

	return (
		<SimProvider value={sim}>
			<div class="st-sim not-content">
				<SessionView
					idle={
						<Show
							when={joined()}
							fallback={
								<IdleScreen
									t={t}
									onStart={(request) => start(request)}
									onJoin={() => setJoining(true)}
									joining={joining()}
								>
									<Phase>
										<JoinCohort onCancel={() => setJoining(false)} />
									</Phase>
								</IdleScreen>
							}
						>
							<h2>{t("ui.picker.title")}</h2>
							<Phase>
								<CohortPicker onStart={startIssued} />
							</Phase>
						</Show>
					}
					finished={
						<ResultsPhase>
							<Show when={sendable(running()) && running()?.attempt}>
								{(attempt) => <Submission attempt={attempt()} token={running()?.token} />}
							</Show>
							<div class="st-actions">
								<Show when={running()?.attempt.mode === "demo"}>
									{/* Watched it done: now practise the very same variant. */}
									<button
										type="button"
										class="st-button st-button--primary"
										onClick={() => practiceVariant()}
									>
										{t("ui.results.practiceVariant")}
									</button>
								</Show>
								{/* A cohort's attempt is issued by the server: another one starts from its picker. */}
								<Show when={!running()?.token}>
									<button
										type="button"
										class="st-button"
										classList={{ "st-button--primary": running()?.attempt.mode !== "demo" }}
										onClick={() => again(false)}
									>
										{t("ui.results.tryAgain")}
									</button>
									<button type="button" class="st-button" onClick={() => again(true)}>
										{t("ui.results.retrySame")}
									</button>
								</Show>
								<button type="button" class="st-button" onClick={() => session.reset()}>
									{t("ui.results.otherScenario")}
								</button>
							</div>
						</ResultsPhase>
					}
					running={
						<Show when={running()}>
							{(s) => (
								<>
									<h2>
										{s().own
											? scenarioText(s().own!.scenario, "title", props.locale, t)
											: t(`scenarios.${s().attempt.scenario.id}.title`)}
									</h2>
									<p class="st-mode">{t(`ui.modes.${s().attempt.mode}.name`)}</p>
									<Workspace
										mode={s().attempt.mode}
										top={
											<Show when={s().attempt.mode === "demo"}>
												<Phase>
													<DemoControls />
												</Phase>
											</Show>
										}
										actions={
											<>
												<Show
													when={s().attempt.mode === "assessment"}
													fallback={
														<button
															type="button"
															class="st-button st-button--primary"
															onClick={() => session.finish()}
														>
															{t("ui.sim.finish")}
														</button>
													}
												>
													<FinishAssessment />
												</Show>
												<ConfirmButton
													label={t("ui.sim.abandon")}
													title={t("ui.confirm.abandonTitle")}
													text={t("ui.confirm.abandonText")}
													confirmLabel={t("ui.confirm.abandon")}
													onConfirm={() => session.reset()}
												/>
											</>
										}
									/>
								</>
							)}
						</Show>
					}
				/>
			</div>
		</SimProvider>
	);
}
