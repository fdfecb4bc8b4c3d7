import { ErrorBoundary, Suspense, type JSX } from "solid-js";
import { useSim } from "./context.tsx";

/** Shown for the moment a phase's code (results, demo) is still loading. */
export function Loading() {
	const sim = useSim();
	return (
		<p class="st-loading" role="status">
			{sim.t("ui.common.loading")}
		</p>
	);
}

/**
 * A part of the simulator whose code loads when it is first shown. While it loads, a short note;
 * if it cannot load (the connection dropped), a message and a way to try again instead of an empty
 * box. The attempt itself is in storage, so reloading loses nothing.
 */
export function Phase(props: { children: JSX.Element }) {
	const sim = useSim();
	return (
		<ErrorBoundary
			fallback={() => (
				<div class="st-recovery" role="alert">
					<p>{sim.t("ui.common.loadFailed")}</p>
					<button
						type="button"
						class="st-button st-button--primary"
						onClick={() => location.reload()}
					>
						{sim.t("ui.common.reload")}
					</button>
				</div>
			)}
		>
			<Suspense fallback={<Loading />}>{props.children}</Suspense>
		</ErrorBoundary>
	);
}
