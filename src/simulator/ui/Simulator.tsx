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
import { scenarioSchema } from "../scenarios/schema.ts";
import type { OwnChoice } from "../client/own-scenarios.ts";
import type { OwnScenarioCopy } from "../store/session/saved.ts";
import { memoryStorage } from "../store/session/storage.ts";
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
 * A trainer's scenario as the session keeps it, once the scenario schema accepts what the server
 * sent; undefined if it does not.
 */
function ownCopy(own: OwnChoice): OwnScenarioCopy | undefined {
	const parsed = scenarioSchema.safeParse(own.scenario);
	if (!parsed.success || parsed.data.id !== own.id) return undefined;
	return { scenario: parsed.data, ...(own.version === undefined ? {} : { version: own.version }) };
}

/**
 * The practice page's simulator: pick a scenario and a mode, work in the simulated Control Center,
 * finish and see the results. The session lives in localStorage, so a reload or a switch of language
 * continues where the trainee was.
 */
export default function Simulator(props: {
	locale: Locale;
	t: Translate;
	opening?: Opening;
	/** The trainers' scenarios offered to everyone (`Practice.tsx` fetched them). */
	own?: readonly OwnChoice[] | undefined;
	/**
	 * A trainer trying a draft: only it, in modes that count nothing, kept in memory so the
	 * trainer's own practice in this browser stays as it was.
	 */
	preview?: OwnChoice | undefined;
}) {
	const t = props.t;
	const session = props.preview
		? createSession(`preview-${props.preview.id}`, { storage: memoryStorage() })
		: createSession("practice");
	const sim = createSim(t, props.locale, session);

	const running = createMemo(() => {
		const s = sim.saved();
		return s.kind === "ok" ? s.session : undefined;
	});
	onMount(() => session.setLocale(props.locale));

	const [refusedOwn, setRefusedOwn] = createSignal(false);
	const start = (
		{ scenarioId, mode, trainee, own }: StartRequest,
		seed = randomSeed(),
		kept: OwnScenarioCopy | undefined = own === undefined ? undefined : ownCopy(own),
	) => {
		// A trainer's scenario the schema refuses is not started: it could not be graded.
		setRefusedOwn(own !== undefined && kept === undefined);
		if (own !== undefined && kept === undefined) return;
		session.start({ scenarioId, seed, mode, locale: props.locale, trainee, own: kept });
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
		start(
			{ scenarioId: scenario.id, mode, trainee },
			sameSeed ? scenario.seed : randomSeed(),
			s.own,
		);
	};

	// An assessment goes to the score server; so does a cohort's practice when it collects it.
	const sendable = (s: SavedSession | undefined) =>
		s?.attempt.mode === "assessment" ||
		(s?.attempt.mode === "practice" && !!s.token && !!$joined.get()?.assignment.collectPractice);
	const practiceVariant = () => {
		const s = running();
		if (s) {
			start(
				{ scenarioId: s.attempt.scenario.id, mode: "practice" },
				s.attempt.scenario.seed,
				s.own,
			);
		}
	};

	return (
		<SimProvider value={sim}>
			<div class="st-sim not-content">
				<SessionView
					idle={
						<Show
							when={joined() && !props.preview}
							fallback={
								<>
									<Show when={refusedOwn()}>
										<p class="st-form-error" role="alert">
											{t("ui.picker.ownRefused")}
										</p>
									</Show>
									<IdleScreen
										t={t}
										onStart={(request) => start(request)}
										onJoin={() => setJoining(true)}
										joining={joining()}
										own={props.preview ? [props.preview] : props.own}
										preview={!!props.preview}
									>
										<Phase>
											<JoinCohort onCancel={() => setJoining(false)} />
										</Phase>
									</IdleScreen>
								</>
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
