import { Show, createMemo, lazy, onMount } from "solid-js";
import type { Translate } from "../../i18n/i18n-core.ts";
import type { AttemptMode } from "../attempt/schema.ts";
import type { Locale } from "../process/guide.ts";
import { createSession } from "../store/session.ts";
import { Picker, randomSeed } from "./Picker.tsx";
import { ConfirmButton } from "./primitives/ConfirmButton.tsx";
import { Workspace } from "./Workspace.tsx";
import { SimProvider, createSim } from "./context.tsx";
import { SessionView } from "./SessionView.tsx";
import { Phase } from "./Loading.tsx";
import { ResultsPhase } from "./ResultsPhase.tsx";

// Loaded when their phase starts, so the first screen (picker and Control Center) loads less.
const DemoControls = lazy(() => import("./Demo.tsx"));
const Submission = lazy(() => import("./Submission.tsx"));
import "./styles.css";

/**
 * The practice page's simulator: pick a scenario and a mode, work in the simulated Control Center,
 * finish and see the results. The session lives in localStorage, so a reload or a switch of language
 * continues where the trainee was.
 */
export default function Simulator(props: { locale: Locale; t: Translate }) {
	const t = props.t;
	const session = createSession("practice");
	const sim = createSim(t, props.locale, session);

	const running = createMemo(() => {
		const s = sim.stored();
		return s.kind === "ok" ? s.session : undefined;
	});
	onMount(() => session.setLocale(props.locale));

	const start = (
		scenarioId: string,
		mode: AttemptMode,
		trainee?: { name: string; cohort: string },
		seed = randomSeed(),
	) => {
		session.start({ scenarioId, seed, mode, locale: props.locale, trainee });
		sim.setView({ page: "dashboard" });
	};
	const again = (sameSeed: boolean) => {
		const s = running();
		if (!s) return;
		start(
			s.attempt.scenario.id,
			s.attempt.mode,
			s.attempt.trainee,
			sameSeed ? s.attempt.scenario.seed : randomSeed(),
		);
	};

	const practiseVariant = () => {
		const s = running();
		if (s) start(s.attempt.scenario.id, "practice", undefined, s.attempt.scenario.seed);
	};

	return (
		<SimProvider value={sim}>
			<div class="st-sim not-content">
				<SessionView
					idle={
						<>
							<h2>{t("ui.picker.title")}</h2>
							<Picker onStart={(id, mode, trainee) => start(id, mode, trainee)} />
						</>
					}
					finished={
						<ResultsPhase>
							<Show when={running()?.attempt.mode === "assessment" && running()?.attempt}>
								{(attempt) => <Submission attempt={attempt()} />}
							</Show>
							<div class="st-actions">
								<Show when={running()?.attempt.mode === "demo"}>
									{/* Watched it done: now practise the very same variant. */}
									<button
										type="button"
										class="st-button st-button--primary"
										onClick={() => practiseVariant()}
									>
										{t("ui.results.practiseVariant")}
									</button>
								</Show>
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
									<h2>{t(`scenarios.${s().attempt.scenario.id}.title`)}</h2>
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
													<ConfirmButton
														primary
														label={t("ui.sim.finish")}
														title={t("ui.confirm.finishTitle")}
														text={t("ui.confirm.finishText")}
														confirmLabel={t("ui.confirm.finish")}
														onConfirm={() => session.finish()}
													/>
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
