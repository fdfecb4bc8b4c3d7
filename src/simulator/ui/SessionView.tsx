import { ErrorBoundary, Match, Switch, type JSX } from "solid-js";
import { useSim } from "./context.tsx";
import { useAtom } from "./use-atom.ts";

type Reason = "invalid" | "outdated" | "broken";

/** Data or a view that cannot be used: say so plainly and offer a fresh start, never a blank box. */
export function Recovery(props: { reason: Reason; onReset: () => void }) {
	const { t } = useSim();
	return (
		<div class="st-recovery" role="alert">
			<h2>{t(props.reason === "broken" ? "ui.recovery.brokenTitle" : "ui.recovery.title")}</h2>
			<p>{t(`ui.recovery.${props.reason}`)}</p>
			<button type="button" class="st-button st-button--primary" onClick={() => props.onReset()}>
				{t("ui.recovery.reset")}
			</button>
		</div>
	);
}

/**
 * Renders a session's phase (`attempt/session-phase.ts`) for the practice page and the guide's exercises
 * alike: the recovery message for corrupt or orphaned data, and the given view for the others. An
 * error anywhere below ends in the same message with "Start fresh", not in an empty island.
 */
export function SessionView(props: {
	idle: JSX.Element;
	running: JSX.Element;
	finished: JSX.Element;
}) {
	const sim = useSim();
	const phase = useAtom(sim.session.$phase);
	const reason = (): "invalid" | "outdated" => {
		const p = phase();
		return p.kind === "corrupt" ? p.reason : "outdated";
	};
	return (
		<ErrorBoundary
			fallback={(_error, retry) => (
				<Recovery
					reason="broken"
					onReset={() => {
						sim.session.reset();
						retry();
					}}
				/>
			)}
		>
			<Switch>
				<Match when={phase().kind === "corrupt" || phase().kind === "orphaned"}>
					<Recovery reason={reason()} onReset={() => sim.session.reset()} />
				</Match>
				<Match when={phase().kind === "idle"}>{props.idle}</Match>
				<Match when={phase().kind === "finished"}>{props.finished}</Match>
				<Match when={phase().kind === "running"}>{props.running}</Match>
			</Switch>
		</ErrorBoundary>
	);
}
