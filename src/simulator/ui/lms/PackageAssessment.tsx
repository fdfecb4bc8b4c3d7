import { Show, createEffect, createMemo, createSignal, lazy, onCleanup, onMount } from "solid-js";
import type { Translate } from "../../text/locale.ts";
import { decodeCompletionCode, encodeCompletionCode } from "../../attempt/completion-code.ts";
import type { SavedSession } from "../../store/session/saved.ts";
import type { LmsConnection } from "../../client/lms-api.ts";
import { gradingNumbers } from "../../grading/rubric.ts";
import type { PackageConfig } from "../../lms/package-config.ts";
import { scenarioText } from "../../scenarios/texts.ts";
import {
	cmiNames,
	displayName,
	essentialElements,
	finishValues,
	learnerSeed,
	suspendDataLimit,
	suspendValues,
	type CmiValue,
} from "../../lms/scorm.ts";
import { createSession } from "../../store/session/store.ts";
import { browserStorage, memoryStorage } from "../../store/session/storage.ts";
import { CompletionCode } from "../CompletionCode.tsx";
import { SimProvider, createSim } from "../context.tsx";
import { LazyPart, LoadingNote } from "../Loading.tsx";
import { FinishAssessment } from "../FinishAssessment.tsx";
import { randomSeed } from "../random-seed.ts";
import { ResultsPhase } from "../ResultsPhase.tsx";
import { SessionView } from "../SessionView.tsx";
import { traineeGate } from "../trainee-gate.ts";
import type { AttemptTrainee } from "../../attempt/schema.ts";
import { Workspace } from "../Workspace.tsx";

// Only a package opened without an LMS asks for the learner's name.
const TraineeFields = lazy(() => import("../TraineeFields.tsx"));

/**
 * The assessment inside a SCORM package (`npm run package:scorm`): the assigned scenario only, the
 * learner named by the LMS, the attempt kept in the LMS's saved data so the learner can leave and
 * resume, and on finishing the grade reported to the LMS. Without an LMS it still runs and ends with
 * the result file and completion code, as the practice page does without a score server.
 */
export default function PackageAssessment(props: {
	locale: PackageConfig["locale"];
	t: Translate;
	config: PackageConfig;
	lms: LmsConnection | undefined;
}) {
	const t = props.t;
	const { config, lms } = props;
	const names = cmiNames[config.version];
	// Inside an LMS the LMS keeps the attempt (its saved data), so nothing stays in the browser;
	// opened without one, the browser keeps it, so a reload does not lose the learner's work.
	const session = createSession(`package-${config.id}`, {
		storage: lms ? memoryStorage() : browserStorage,
	});
	const sim = createSim(t, props.locale, session);
	const launchedAt = Date.now();
	const learner = lms ? displayName(lms.get(names.name)) : "";
	const [ready, setReady] = createSignal(!lms);
	const [tooLong, setTooLong] = createSignal(false);
	const [unreadable, setUnreadable] = createSignal(false);
	const [reported, setReported] = createSignal<"sent" | { error: string }>();
	const begin = (trainee: AttemptTrainee | undefined) => {
		const seed = config.seed ?? (lms ? learnerSeed(lms.get(names.id)) : randomSeed());
		session.start({
			scenarioId: config.scenarioId,
			own: config.own,
			seed,
			mode: "assessment",
			locale: props.locale,
			trainee,
		});
		sim.setView({ page: "dashboard" });
	};
	const gate = traineeGate(begin);

	// The LMS is the record: its saved data continues the attempt; without any, a new one starts.
	onMount(async () => {
		if (!lms) return;
		const saved = lms.get(names.suspend);
		const decoded = saved ? await decodeCompletionCode(saved) : undefined;
		if (
			decoded?.ok &&
			decoded.attempt.scenario.id === config.scenarioId &&
			decoded.attempt.scenario.version === config.own?.version
		) {
			session.resume(decoded.attempt, undefined, config.own);
		} else {
			// Another scenario's attempt is simply not this package's; damaged data is said.
			setUnreadable(decoded !== undefined && !decoded.ok);
			begin(
				learner
					? { name: learner, cohort: "", ...(config.joinCode ? { joinCode: config.joinCode } : {}) }
					: undefined,
			);
		}
		setReady(true);
	});

	/** Sets every value, each on its own (one the LMS refuses does not stop the rest); the refused. */
	const set = (values: readonly CmiValue[]): string[] =>
		values.filter(([element, value]) => !lms?.set(element, value)).map(([element]) => element);
	// The LMS connection ends once: when the result is reported, or when the learner leaves.
	let ended = false;
	const end = () => {
		if (!lms || ended) return;
		ended = true;
		lms.commit();
		lms.finish();
	};

	// Every change is saved in the LMS, newest last; a log too long for it keeps the last that fit.
	let saving = 0;
	const save = async (stored: SavedSession) => {
		if (!lms) return;
		const mine = ++saving;
		const code = await encodeCompletionCode(stored.attempt);
		if (mine !== saving || ended) return;
		const fits = code.length <= suspendDataLimit[config.version];
		setTooLong(!(fits && lms.set(names.suspend, code)));
		if (stored.finished) return report();
		set(suspendValues(config.version, Date.now() - launchedAt));
		lms.commit();
	};
	/** The grade, by the same grader as everywhere, as the LMS records it; then the connection ends. */
	const report = () => {
		const grade = session.grade();
		if (!lms || !grade) return;
		const refused = set(finishValues(config.version, grade, Date.now() - launchedAt));
		const essential = essentialElements(config.version);
		const ok = !refused.some((element) => essential.includes(element)) && lms.commit();
		setReported(ok ? "sent" : { error: lms.error() });
		end();
	};
	const running = createMemo(() => {
		const s = sim.saved();
		return s.kind === "ok" ? s.session : undefined;
	});
	createEffect(() => {
		const stored = running();
		if (ready() && stored) void save(stored);
	});
	// Leaving mid-attempt: the attempt is saved in the LMS already; ending the connection keeps it.
	window.addEventListener("pagehide", end);
	onCleanup(() => window.removeEventListener("pagehide", end));

	const status = (passed: boolean) => t(passed ? "ui.package.passed" : "ui.package.failed");
	return (
		<SimProvider value={sim}>
			<section class="st-sim not-content" aria-label={t("ui.package.region")}>
				<h1>
					{scenarioText(
						config.own?.scenario ?? { id: config.scenarioId },
						"title",
						props.locale,
						t,
					)}
				</h1>
				<h2 class="st-mode">{t("ui.modes.assessment.name")}</h2>
				<p>
					{lms
						? learner
							? t("ui.package.learner", { name: learner })
							: t("ui.package.learnerUnnamed")
						: t("ui.package.noLms")}
				</p>
				<Show when={unreadable()}>
					<p role="status">{t("ui.package.unreadable")}</p>
				</Show>
				<Show when={tooLong()}>
					<p class="st-recovery" role="alert">
						{t("ui.package.tooLong", {
							limit: new Intl.NumberFormat(props.locale).format(suspendDataLimit[config.version]),
						})}
					</p>
				</Show>
				<Show when={ready()} fallback={<LoadingNote t={t} />}>
					<SessionView
						idle={
							<form
								class="st-picker"
								onSubmit={(e) => {
									e.preventDefault();
									gate.submit();
								}}
							>
								<LazyPart t={t}>
									<TraineeFields t={t} intro="ui.package.traineeIntro" ready={gate.ready} />
								</LazyPart>
								<div class="st-actions">
									<button type="submit" class="st-button st-button--primary">
										{t("ui.package.start")}
									</button>
								</div>
							</form>
						}
						finished={
							<ResultsPhase>
								<Show
									when={lms}
									fallback={
										<Show when={running()?.attempt}>
											{(attempt) => <CompletionCode attempt={attempt()} />}
										</Show>
									}
								>
									<div role="status">
										<Show when={reported()}>
											{(outcome) => {
												const value = outcome();
												const grade = session.grade();
												return value === "sent" && grade ? (
													<p>
														{t("ui.package.reported", {
															score: grade.score,
															max: gradingNumbers().maxScore,
															status: status(grade.passed),
														})}
													</p>
												) : (
													<>
														<p>
															{t("ui.package.reportFailed", {
																error: value === "sent" ? "" : value.error,
															})}
														</p>
														<Show when={running()?.attempt}>
															{(attempt) => <CompletionCode attempt={attempt()} />}
														</Show>
													</>
												);
											}}
										</Show>
									</div>
								</Show>
							</ResultsPhase>
						}
						running={<Workspace mode="assessment" actions={<FinishAssessment />} />}
					/>
				</Show>
			</section>
		</SimProvider>
	);
}
