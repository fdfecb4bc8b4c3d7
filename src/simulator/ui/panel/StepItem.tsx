import type { JSX } from "solid-js";
import { isPhase, parentOf, type StepId } from "../../process/steps.ts";

/**
 * One step of the procedure in a list (the checklist, a check's result): indented by its level,
 * marked done or open, with whatever the list says about it.
 */
export function StepItem(props: { id: StepId; done: boolean; children: JSX.Element }) {
	return (
		<li
			classList={{
				"st-checklist__phase": isPhase(props.id),
				"st-checklist__sub": parentOf(props.id) !== null,
			}}
			data-step={props.id}
			data-done={props.done ? "true" : "false"}
		>
			<span aria-hidden="true" class="st-checklist__mark">
				{props.done ? "✓" : "○"}
			</span>{" "}
			{props.children}
		</li>
	);
}
