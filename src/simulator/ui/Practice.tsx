import { Show, createSignal, onCleanup, type Component } from "solid-js";
import type { Translate } from "../text/locale.ts";
import type { Locale } from "../text/locale.ts";
import { cohortStorageKey } from "../store/cohort.ts";
import { sessionKey } from "../store/session/key.ts";
import { IdleScreen } from "./IdleScreen.tsx";
import {
	previewScenario,
	publicScenarios,
	type OwnChoice,
	type PreviewProblem,
} from "../client/own-scenarios.ts";
import { LoadFailed, LoadingNote } from "./Loading.tsx";
import type { Opening } from "./Simulator.tsx";

type SimulatorView = Component<{
	locale: Locale;
	t: Translate;
	opening?: Opening;
	own?: readonly OwnChoice[] | undefined;
	preview?: OwnChoice | undefined;
}>;

let loading: Promise<SimulatorView> | undefined;
/** The workspace, the model and the grader: fetched once, when the trainee is about to need them. */
const loadSimulator = () => (loading ??= import("./Simulator.tsx").then((m) => m.default));

/** Whether this browser has an attempt or a cohort to go back to (read raw: the simulator checks them). */
function hasSomethingStored(): boolean {
	try {
		return (
			localStorage.getItem(sessionKey("practice")) !== null ||
			!!localStorage.getItem(cohortStorageKey)
		);
	} catch {
		return false;
	}
}

/**
 * The practice page's island. Its first screen, the scenario picker, is drawn from this small part
 * alone; the simulator's workspace, model and grader (most of the page's JavaScript) are fetched when
 * the trainee turns to the picker and shown on Start. A browser with an attempt under way or a
 * joined cohort gets the whole simulator at once, as before.
 */
export default function Practice(props: { locale: Locale; t: Translate }) {
	const [view, setView] = createSignal<SimulatorView>();
	const [opening, setOpening] = createSignal<Opening>();
	const [waiting, setWaiting] = createSignal(false);
	const [failed, setFailed] = createSignal(false);
	// A trainer trying a draft (`?preview=<id>` from the editor), or the trainers' scenarios
	// offered to everyone, listed after the built-in ones once they arrive.
	const previewId = new URLSearchParams(location.search).get("preview");
	const [own, setOwn] = createSignal<readonly OwnChoice[]>([]);
	const [preview, setPreview] = createSignal<OwnChoice>();
	const [previewProblem, setPreviewProblem] = createSignal<{
		problem: PreviewProblem;
		message?: string;
	}>();
	const open = (next?: Opening) => {
		setOpening(next);
		setWaiting(true);
		loadSimulator().then(
			(simulator) => setView(() => simulator),
			() => setFailed(true),
		);
	};
	const resuming = previewId === null && hasSomethingStored();
	if (previewId !== null) {
		void previewScenario(previewId, props.locale).then((answer) => {
			if (!answer.ok) return setPreviewProblem(answer);
			setPreview(answer.choice);
			open();
		});
	} else {
		if (resuming) open();
		void publicScenarios(props.locale).then(setOwn);
	}
	// An attempt started in another tab is followed here, as the simulator itself does.
	const followOtherTab = (event: StorageEvent) => {
		if (!view() && event.key === sessionKey("practice") && event.newValue) open();
	};
	window.addEventListener("storage", followOtherTab);
	onCleanup(() => window.removeEventListener("storage", followOtherTab));
	const prefetch = () => void loadSimulator().catch(() => undefined);

	return (
		<Show
			when={view()}
			fallback={
				<div class="st-sim not-content">
					<Show when={previewId !== null}>
						<PreviewNote t={props.t} problem={previewProblem()} locale={props.locale} />
					</Show>
					<Show when={!resuming && previewId === null}>
						<IdleScreen
							t={props.t}
							onStart={(request) => open({ kind: "start", request })}
							onJoin={() => open({ kind: "join" })}
							onIntent={prefetch}
							own={own()}
						/>
					</Show>
					<Show
						when={failed()}
						fallback={
							<Show when={waiting()}>
								<LoadingNote t={props.t} />
							</Show>
						}
					>
						<LoadFailed t={props.t} />
					</Show>
				</div>
			}
		>
			{(simulator) => {
				const Simulator = simulator();
				return (
					<>
						<Show when={preview()}>
							<PreviewNote t={props.t} locale={props.locale} />
						</Show>
						<Simulator
							locale={props.locale}
							t={props.t}
							opening={opening()}
							own={own()}
							preview={preview()}
						/>
					</>
				);
			}}
		</Show>
	);
}

/**
 * Above a trainer's preview: that nothing of it counts, the way back to the editor, or why the
 * draft cannot be tried (not signed in as a trainer, not a scenario yet).
 */
function PreviewNote(props: {
	t: Translate;
	locale: Locale;
	problem?: { problem: PreviewProblem; message?: string } | undefined;
}) {
	const editor = () => {
		const id = new URLSearchParams(location.search).get("preview") ?? "";
		return `/${props.locale}/trainer/scenarios/${encodeURIComponent(id)}/`;
	};
	return (
		<div class="st-panel st-preview" role={props.problem ? "alert" : "status"}>
			<p>
				<strong>{props.t("ui.preview.title")}</strong>{" "}
				{props.problem
					? props.t(`ui.preview.problems.${props.problem.problem}`)
					: props.t("ui.preview.note")}
			</p>
			<Show when={props.problem?.message}>{(message) => <p>{message()}</p>}</Show>
			<p>
				<a
					href={
						props.problem?.problem === "sign-in"
							? `/${props.locale}/trainer/login/?${new URLSearchParams({ next: editor() }).toString()}`
							: editor()
					}
				>
					{props.problem?.problem === "sign-in"
						? props.t("ui.preview.signIn")
						: props.t("ui.preview.back")}
				</a>
			</p>
		</div>
	);
}
