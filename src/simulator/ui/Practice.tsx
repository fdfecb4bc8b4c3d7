import { Show, createSignal, onCleanup, type Component } from "solid-js";
import type { Translate } from "../text/locale.ts";
import type { Locale } from "../text/locale.ts";
import { cohortStorageKey } from "../store/cohort.ts";
import { sessionKey } from "../store/session/key.ts";
import { IdleScreen } from "./IdleScreen.tsx";
import { LoadFailed, LoadingNote } from "./Loading.tsx";
import type { Opening } from "./Simulator.tsx";

type SimulatorView = Component<{ locale: Locale; t: Translate; opening?: Opening }>;

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
	const open = (next?: Opening) => {
		setOpening(next);
		setWaiting(true);
		loadSimulator().then(
			(simulator) => setView(() => simulator),
			() => setFailed(true),
		);
	};
	const resuming = hasSomethingStored();
	if (resuming) open();
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
					<Show when={!resuming}>
						<IdleScreen
							t={props.t}
							onStart={(request) => open({ kind: "start", request })}
							onJoin={() => open({ kind: "join" })}
							onIntent={prefetch}
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
				return <Simulator locale={props.locale} t={props.t} opening={opening()} />;
			}}
		</Show>
	);
}
