import { For, Show, createSignal } from "solid-js";
import { findingMessage } from "../../grading/explain.ts";
import type { GradeResult } from "../../grading/grade.ts";
import { guideHref } from "../../process/guide.ts";
import type { StepId } from "../../process/steps.ts";
import { useSim } from "../context.tsx";
import { FindingDifferences } from "../FindingDifferences.tsx";
import { StepItem } from "./StepItem.tsx";

/**
 * "Check" in practice: grades the account as it is now without ending the attempt, shows per step
 * whether it is done and what is still wrong, and lets the trainee fix it and check again.
 */
export function Check(props: { only?: readonly StepId[] | undefined }) {
	const sim = useSim();
	const [checked, setChecked] = createSignal<{ result: GradeResult; events: number } | null>(null);
	let heading: HTMLHeadingElement | undefined;
	const check = () => {
		const result = sim.session.grade();
		if (!result) return;
		setChecked({ result, events: sim.runtime()?.events.length ?? 0 });
		queueMicrotask(() => heading?.focus());
	};
	const stale = () => (checked()?.events ?? 0) !== (sim.runtime()?.events.length ?? 0);
	const steps = () =>
		(checked()?.result.steps ?? []).filter(
			(s) => s.required && (!props.only || props.only.includes(s.id)),
		);
	const findingsOf = (id: StepId) =>
		(checked()?.result.findings ?? []).filter((f) => f.step === id);
	return (
		<section class="st-panel st-check" aria-labelledby="st-check-title">
			<h3 id="st-check-title">{sim.t("ui.check.title")}</h3>
			<p class="st-field__hint">{sim.t("ui.check.intro")}</p>
			<button type="button" class="st-button" onClick={check}>
				{sim.t("ui.check.button")}
			</button>
			<Show when={checked()}>
				{(c) => (
					<div class="st-check__result">
						<h4 ref={heading} tabindex="-1">
							{c().result.checksMet && c().result.findings.length === 0
								? sim.t("ui.check.allDone")
								: sim.t("ui.check.notYet")}
						</h4>
						<Show when={stale()}>
							<p class="st-field__hint">{sim.t("ui.check.stale")}</p>
						</Show>
						<ul class="st-checklist">
							<For each={steps()}>
								{(step) => (
									<StepItem id={step.id} done={step.done}>
										{sim.t(`steps.${step.id}.title`)} –{" "}
										{step.done ? sim.t("grading.stepDone") : sim.t("grading.stepOpen")}
										<For each={findingsOf(step.id)}>
											{(f) => (
												<div class="st-check__finding" data-finding={f.id}>
													<p>
														<strong>{sim.t(`severity.${f.severity}`)}:</strong>{" "}
														{findingMessage(sim.t, f)}{" "}
														<a href={guideHref(sim.locale, step.id)} target="_blank" rel="noopener">
															{sim.t("ui.coach.readGuide")}
														</a>
													</p>
													<FindingDifferences finding={f} />
												</div>
											)}
										</For>
									</StepItem>
								)}
							</For>
						</ul>
					</div>
				)}
			</Show>
		</section>
	);
}
