import { useAtom } from "../use-atom.ts";
import { For, Show } from "solid-js";
import { findingMessage } from "../../grading/explain.ts";
import { actionStep } from "../../process/action-steps.ts";
import { guideHref } from "../../process/guide.ts";
import { useSim } from "../context.tsx";
import { FindingDifferences } from "../FindingDifferences.tsx";
import { refusalText } from "../form.ts";

/**
 * Immediate coaching in practice mode: the reason an action was refused, or every finding the
 * action caused (in the order and in the account), in the current language and with a link to the
 * guide section that explains it.
 */
export function Coach() {
	const sim = useSim();
	const last = useAtom(sim.session.$last);
	const refusal = () => {
		const outcome = last();
		return outcome && !outcome.result.ok
			? {
					refusal: outcome.result.refusal,
					action: outcome.event.action,
					// The section is chosen from the state the action was taken in.
					step: actionStep(outcome.runtime.scenario, outcome.runtime.state, outcome.event.action),
				}
			: null;
	};
	return (
		<section class="st-panel st-coach" aria-labelledby="st-coach-title">
			<h3 id="st-coach-title">{sim.t("ui.panel.coach")}</h3>
			<div role="status" aria-live="polite">
				<Show
					when={refusal() || (last()?.findings.length ?? 0) > 0}
					fallback={<p>{last() ? sim.t("ui.coach.ok") : sim.t("ui.coach.idle")}</p>}
				>
					<Show when={refusal()}>
						{(r) => (
							<p class="st-coach__item">
								<strong>
									{sim.t("ui.coach.refused", { action: sim.t(`actions.${r().action.type}`) })}
								</strong>{" "}
								{refusalText(sim, r().refusal)}{" "}
								<a href={guideHref(sim.locale, r().step)} target="_blank" rel="noopener">
									{sim.t("ui.coach.readGuide")}
								</a>
							</p>
						)}
					</Show>
					<For each={last()?.findings ?? []}>
						{(f) => (
							<div class="st-coach__item" data-finding={f.id} data-severity={f.severity}>
								<p>
									<strong>{sim.t(`severity.${f.severity}`)}:</strong> {findingMessage(sim.t, f)}{" "}
									<Show when={f.step}>
										{(step) => (
											<a href={guideHref(sim.locale, step())} target="_blank" rel="noopener">
												{sim.t("ui.coach.readGuide")}
											</a>
										)}
									</Show>
								</p>
								<FindingDifferences finding={f} />
							</div>
						)}
					</For>
				</Show>
			</div>
		</section>
	);
}
