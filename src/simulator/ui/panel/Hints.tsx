import { useAtom } from "../use-atom.ts";
import { Show } from "solid-js";
import { gradingNumbers, traceStatus } from "../../grading/index.ts";
import { guideHref } from "../../process/guide.ts";
import { isPhase, type StepId } from "../../process/steps.ts";
import { useSim } from "../context.tsx";

/**
 * A hint on request: what the next open step is and where the guide explains it. A step's hint
 * costs the rubric's points the first time it is shown; showing it again is free.
 */
export function Hints(props: { only?: readonly StepId[] | undefined }) {
	const sim = useSim();
	const saved = useAtom(sim.session.$saved);
	const session = () => {
		const s = saved();
		return s.kind === "ok" ? s.session : undefined;
	};
	const used = () => session()?.attempt.hintsUsed ?? 0;
	const numbers = gradingNumbers();
	const nextStep = (): StepId | null => {
		const r = sim.runtime();
		if (!r) return null;
		const open = traceStatus(r.scenario, r.trace).find(
			(s) => s.required && !s.done && !isPhase(s.id) && (!props.only || props.only.includes(s.id)),
		);
		return open?.id ?? null;
	};
	/** The hint shown last (kept with the session, so a reload does not lose it). */
	const shown = () => session()?.hinted?.at(-1) ?? null;
	const allDone = () => nextStep() === null;
	const nextIsFree = () => {
		const next = nextStep();
		return next !== null && (session()?.hinted ?? []).includes(next);
	};
	const reveal = () => {
		const next = nextStep();
		if (next !== null) sim.session.useHint(next);
	};
	return (
		<section class="st-panel" aria-labelledby="st-hints-title">
			<h3 id="st-hints-title">{sim.t("ui.panel.hints")}</h3>
			<p>
				{sim.t("ui.hints.cost", {
					count: used(),
					points: numbers.hintPoints,
					cap: numbers.hintCap,
				})}
			</p>
			<button type="button" class="st-button" onClick={reveal} disabled={allDone()}>
				{nextIsFree() ? sim.t("ui.hints.showAgain") : sim.t("ui.hints.show")}
			</button>
			<div role="status" aria-live="polite">
				<Show when={allDone()}>
					<p class="st-hint">{sim.t("ui.hints.allDone")}</p>
				</Show>
				<Show when={!allDone() && shown()}>
					{(step) => (
						<p class="st-hint">
							<strong>{sim.t(`steps.${step()}.title`)}:</strong> {sim.t(`steps.${step()}.summary`)}{" "}
							<a href={guideHref(sim.locale, step())} target="_blank" rel="noopener">
								{sim.t("ui.coach.readGuide")}
							</a>
						</p>
					)}
				</Show>
			</div>
		</section>
	);
}
