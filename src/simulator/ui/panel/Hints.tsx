import { useAtom } from "../use-atom.ts";
import { Show, createSignal } from "solid-js";
import { guideHref } from "../../process/guide.ts";
import { stepStatus } from "../../process/status.ts";
import { isPhase, type StepId } from "../../process/steps.ts";
import { useSim } from "../context.tsx";

/** A hint on request: what the next open step is and where the guide explains it. Hints count. */
export function Hints(props: { only?: readonly StepId[] | undefined }) {
	const sim = useSim();
	const stored = useAtom(sim.session.$stored);
	const [shown, setShown] = createSignal<StepId | "done" | null>(null);
	const used = () => {
		const s = stored();
		return s.kind === "ok" ? s.session.attempt.hintsUsed : 0;
	};
	const nextStep = (): StepId | null => {
		const r = sim.runtime();
		if (!r) return null;
		const open = stepStatus(r.scenario, r.state).find(
			(s) => s.required && !s.done && !isPhase(s.id) && (!props.only || props.only.includes(s.id)),
		);
		return open?.id ?? null;
	};
	const reveal = () => {
		sim.session.useHint();
		setShown(nextStep() ?? "done");
	};
	return (
		<section class="st-panel" aria-labelledby="st-hints-title">
			<h3 id="st-hints-title">{sim.t("ui.panel.hints")}</h3>
			<p>{sim.t("ui.hints.cost", { count: used() })}</p>
			<button type="button" class="st-button" onClick={reveal}>
				{sim.t("ui.hints.show")}
			</button>
			<div role="status" aria-live="polite">
				<Show when={shown() === "done"}>
					<p class="st-hint">{sim.t("ui.hints.allDone")}</p>
				</Show>
				<Show when={shown() !== "done" && (shown() as StepId | null)}>
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
