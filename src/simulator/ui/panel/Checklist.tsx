import { For } from "solid-js";
import { traceStatus } from "../../grading/trace.ts";
import type { StepId } from "../../process/steps.ts";
import { guideHref } from "../../process/guide.ts";
import { useSim } from "../context.tsx";
import { StepItem } from "./StepItem.tsx";

/** The steps of the procedure, ticking when the trainee's own actions have done them. */
export function Checklist(props: { only?: readonly StepId[] | undefined }) {
	const sim = useSim();
	const steps = () => {
		const r = sim.runtime();
		if (!r) return [];
		return traceStatus(r.scenario, r.trace).filter(
			(s) => s.required && (!props.only || props.only.includes(s.id)),
		);
	};
	return (
		<section class="st-panel" aria-labelledby="st-checklist-title">
			<h3 id="st-checklist-title">{sim.t("ui.panel.checklist")}</h3>
			<ul class="st-checklist">
				<For each={steps()}>
					{(step) => (
						<StepItem id={step.id} done={step.done}>
							<a href={guideHref(sim.locale, step.id)} target="_blank" rel="noopener">
								{sim.t(`steps.${step.id}.title`)}
							</a>
							<span class="sr-only">
								{" "}
								({step.done ? sim.t("grading.stepDone") : sim.t("grading.stepOpen")})
							</span>
						</StepItem>
					)}
				</For>
			</ul>
		</section>
	);
}
