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
