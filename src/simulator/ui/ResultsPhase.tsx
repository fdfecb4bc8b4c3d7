import { Show, lazy, type JSX } from "solid-js";
import { useSim } from "./context.tsx";
import { Phase } from "./Loading.tsx";

// Loaded when an attempt is first finished, so the first screen loads less.
const Results = lazy(() => import("./Results.tsx"));

/**
 * The finished phase of the practice page and of an exercise alike: the attempt's results, loaded
 * when first shown, with the page's own next steps (its `children`) under them.
 */
export function ResultsPhase(props: { title?: string; children: JSX.Element }) {
	const sim = useSim();
	const events = () => {
		const s = sim.saved();
		return s.kind === "ok" ? s.session.attempt.events : [];
	};
	return (
		<Phase>
			<Show when={sim.session.grade()}>
				{(result) => (
					<Results title={props.title} result={result()} events={events()}>
						{props.children}
					</Results>
				)}
			</Show>
		</Phase>
	);
}
