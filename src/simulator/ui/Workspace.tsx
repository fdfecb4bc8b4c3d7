import { Show, createMemo, createSignal, createUniqueId, lazy, type JSX } from "solid-js";
import { renderBrief } from "../scenarios/brief.ts";
import type { StepId } from "../process/steps.ts";
import { ControlCenter } from "./cc/ControlCenter.tsx";
import { useSim } from "./context.tsx";
import { Phase } from "./Loading.tsx";
import { Checklist } from "./panel/Checklist.tsx";
import { Requirements } from "./panel/Requirements.tsx";

// Practice's helpers load when a practice starts: the practice page opens on the picker, and an
// assessment never shows them.
const Hints = lazy(() => import("./panel/Hints.tsx").then((m) => ({ default: m.Hints })));
const Coach = lazy(() => import("./panel/Coach.tsx").then((m) => ({ default: m.Coach })));
const Check = lazy(() => import("./panel/Check.tsx").then((m) => ({ default: m.Check })));

/**
 * A running exercise: the brief and, by mode, the checklist, hints and coach beside the simulated
 * Control Center. Assessment shows the brief only; the demo adds its own controls on top.
 */
export function Workspace(props: {
	mode: "practice" | "assessment" | "demo";
	only?: readonly StepId[] | undefined;
	actions: JSX.Element;
	top?: JSX.Element;
}) {
	const sim = useSim();
	const [collapsed, setCollapsed] = createSignal(false);
	const panelsId = createUniqueId();
	// The scenario object stays the same while the trainee acts, so the table renders once.
	const scenario = createMemo(() => sim.runtime()?.scenario);
	const brief = () => {
		const r = sim.runtime();
		return r ? renderBrief(r.scenario, sim.locale, sim.t) : "";
	};
	return (
		<div class="st-workspace" data-mode={props.mode} data-side={collapsed() ? "collapsed" : "open"}>
			{props.top}
			<aside class="st-side" aria-label={sim.t("ui.panel.region")}>
				{/* Hiding keeps the panels (and what the coach or a check said) for when they return. */}
				<button
					type="button"
					class="st-button st-side-toggle"
					aria-expanded={!collapsed()}
					aria-controls={panelsId}
					onClick={() => setCollapsed(!collapsed())}
				>
					{collapsed() ? sim.t("ui.panel.show") : sim.t("ui.panel.hide")}
				</button>
				<div id={panelsId} class="st-side__panels" hidden={collapsed()}>
					<section class="st-panel" aria-labelledby="st-brief-title">
						<h3 id="st-brief-title">{sim.t("ui.panel.brief")}</h3>
						<div class="st-brief">
							{brief()
								.split(/\n{2,}/)
								.map((paragraph) => (
									<p>{paragraph}</p>
								))}
						</div>
						<Show when={scenario()}>{(s) => <Requirements scenario={s()} />}</Show>
					</section>
					<Show when={props.mode !== "assessment"}>
						<Checklist only={props.only} />
					</Show>
					<Show when={props.mode === "practice"}>
						<Phase>
							<Hints only={props.only} />
							<Coach />
							<Check only={props.only} />
						</Phase>
					</Show>
				</div>
				<div class="st-actions">{props.actions}</div>
			</aside>
			<ControlCenter />
		</div>
	);
}
