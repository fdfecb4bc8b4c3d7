import type { JSX } from "solid-js";
import { render } from "solid-js/web";
import type { StepId } from "../../process/steps.ts";

/** The islands the Astro components in `src/components/simulator/` write into a page. */
export type IslandKind = "simulator" | "exercise";

/**
 * Renders a Solid view into every island of one kind on the page, replacing its fallback text.
 * Islands are mounted here rather than with Astro's `client:only`, which would also ship Astro's
 * island runtime and solid-js/store to every exercise page (see the JavaScript budget in OPERATING.md).
 * Storage is only read once this runs in the browser, so nothing is rendered on the server.
 */
export function mountIslands(kind: IslandKind, view: (element: HTMLElement) => JSX.Element): void {
	for (const element of document.querySelectorAll<HTMLElement>(`[data-st-island="${kind}"]`)) {
		element.replaceChildren();
		render(() => view(element), element);
	}
}

/** An exercise island's settings; `Island.astro` checked them when the page was built. */
export function exerciseProps(element: HTMLElement): {
	name: string;
	scenario: string;
	focus: StepId;
} {
	const { name = "", scenario = "", focus = "" } = element.dataset;
	return { name, scenario, focus: focus as StepId };
}
