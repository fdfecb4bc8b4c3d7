import { For, createSignal } from "solid-js";
import type { AttemptMode } from "../attempt.ts";
import { listScenarios } from "../scenarios/registry.ts";
import { useSim } from "./context.tsx";

export function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/** Choose a scenario and a mode, then start; each start gets its own seeded variant. */
export function Picker(props: { onStart: (scenarioId: string, mode: AttemptMode) => void }) {
	const sim = useSim();
	const scenarios = listScenarios();
	const [scenarioId, setScenarioId] = createSignal(scenarios[0]?.id ?? "");
	const [mode, setMode] = createSignal<AttemptMode>("practice");
	const modes: AttemptMode[] = ["practice", "assessment", "demo"];
	return (
		<form
			class="st-picker"
			onSubmit={(e) => {
				e.preventDefault();
				props.onStart(scenarioId(), mode());
			}}
		>
			<fieldset class="st-group">
				<legend>{sim.t("ui.picker.scenario")}</legend>
				<ul class="st-cards">
					<For each={scenarios}>
						{(s) => (
							<li class="st-card">
								<label>
									<input
										type="radio"
										name="scenario"
										value={s.id}
										checked={scenarioId() === s.id}
										onChange={() => setScenarioId(s.id)}
									/>{" "}
									<strong>{s.title[sim.locale]}</strong>
								</label>
								<p>
									{sim.t("ui.picker.difficulty", { level: s.difficulty })} · {s.summary[sim.locale]}
								</p>
							</li>
						)}
					</For>
				</ul>
			</fieldset>
			<fieldset class="st-group">
				<legend>{sim.t("ui.picker.mode")}</legend>
				<For each={modes}>
					{(m) => (
						<div class="st-radio">
							<label>
								<input
									type="radio"
									name="mode"
									value={m}
									checked={mode() === m}
									onChange={() => setMode(m)}
								/>{" "}
								<strong>{sim.t(`ui.modes.${m}.name`)}</strong> –{" "}
								{sim.t(`ui.modes.${m}.description`)}
							</label>
						</div>
					)}
				</For>
			</fieldset>
			<div class="st-actions">
				<button type="submit" class="st-button st-button--primary">
					{sim.t("ui.picker.start")}
				</button>
			</div>
		</form>
	);
}
