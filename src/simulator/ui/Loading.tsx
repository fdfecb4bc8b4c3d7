import { ErrorBoundary, Suspense, type JSX } from "solid-js";
import type { Translate } from "../text/locale.ts";
import { useSim } from "./context.tsx";

/** Shown for the moment a part's code (the workspace, results, demo) is still loading. */
export function LoadingNote(props: { t: Translate }) {
	return (
		<p class="st-loading" role="status">
			{props.t("ui.common.loading")}
		</p>
	);
}

/**
 * Said when a part's code could not load (the connection dropped), with a way to try again instead
 * of an empty box. The attempt itself is in storage, so reloading loses nothing.
 */
export function LoadFailed(props: { t: Translate }) {
	return (
		<div class="st-recovery" role="alert">
			<p>{props.t("ui.common.loadFailed")}</p>
			<button type="button" class="st-button st-button--primary" onClick={() => location.reload()}>
				{props.t("ui.common.reload")}
			</button>
		</div>
	);
}

/** A part of the simulator whose code loads when it is first shown: a note meanwhile, or the failure. */
export function LazyPart(props: { t: Translate; children: JSX.Element }) {
	return (
		<ErrorBoundary fallback={() => <LoadFailed t={props.t} />}>
			<Suspense fallback={<LoadingNote t={props.t} />}>{props.children}</Suspense>
		</ErrorBoundary>
	);
}

/** `LazyPart` with the simulator's texts. */
export function Phase(props: { children: JSX.Element }) {
	return <LazyPart t={useSim().t}>{props.children}</LazyPart>;
}
