import { For, Show, createSignal } from "solid-js";
import type { AttemptMode } from "../attempt/schema.ts";
import { listScenarios } from "../scenarios/registry.ts";
import { $trainee, attemptTrainee, setTrainee } from "../store/trainee.ts";
import { Field } from "./primitives/Field.tsx";
import { Radio } from "./primitives/Radio.tsx";
import { useSim } from "./context.tsx";
import { SubmitRow } from "./primitives/SubmitRow.tsx";

/** A fresh seed for a new variant: each start gets other names and addresses. */
export function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/** Choose a scenario and a mode, then start; each start gets its own seeded variant. */
export function Picker(props: {
	onStart: (
		scenarioId: string,
		mode: AttemptMode,
		trainee?: { name: string; cohort: string },
	) => void;
}) {
	const sim = useSim();
	const scenarios = listScenarios();
	const [scenarioId, setScenarioId] = createSignal(scenarios[0]?.id ?? "");
	const [mode, setMode] = createSignal<AttemptMode>("practice");
	const modes: AttemptMode[] = ["practice", "assessment", "demo"];
	// The display name and cohort code are remembered for the next assessment.
	const [name, setName] = createSignal($trainee.get().name);
	const [cohort, setCohort] = createSignal($trainee.get().cohort);
	const [nameError, setNameError] = createSignal<string | undefined>();
	let nameInput: HTMLInputElement | HTMLTextAreaElement | undefined;
	const submit = () => {
		if (mode() !== "assessment") return props.onStart(scenarioId(), mode());
		setTrainee(name(), cohort());
		const trainee = attemptTrainee($trainee.get());
		if (!trainee) {
			setNameError(sim.t("ui.trainee.nameRequired"));
			nameInput?.focus();
			return;
		}
		props.onStart(scenarioId(), mode(), trainee);
	};
	return (
		<form
			class="st-picker"
			onSubmit={(e) => {
				e.preventDefault();
				submit();
			}}
		>
			<fieldset class="st-group">
				<legend>{sim.t("ui.picker.scenario")}</legend>
				<ul class="st-cards">
					<For each={scenarios}>
						{(s) => (
							<li class="st-card">
								<Radio
									name="scenario"
									value={s.id}
									checked={scenarioId() === s.id}
									onSelect={() => setScenarioId(s.id)}
								>
									<strong>{sim.t(`scenarios.${s.id}.title`)}</strong>
								</Radio>
								<p>
									{sim.t(`ui.picker.kinds.${s.kind ?? "staging"}`)} ·{" "}
									{sim.t("ui.picker.difficulty", { level: s.difficulty })} ·{" "}
									{sim.t(`scenarios.${s.id}.summary`)}
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
							<Radio name="mode" value={m} checked={mode() === m} onSelect={() => setMode(m)}>
								<strong>{sim.t(`ui.modes.${m}.name`)}</strong> –{" "}
								{sim.t(`ui.modes.${m}.description`)}
							</Radio>
						</div>
					)}
				</For>
			</fieldset>
			<Show when={mode() === "assessment"}>
				<fieldset class="st-group">
					<legend>{sim.t("ui.trainee.legend")}</legend>
					<p class="st-field__hint">{sim.t("ui.trainee.intro")}</p>
					{/* The trainee's name and cohort are not part of an action, so these are plain Fields. */}
					<Field
						label={sim.t("ui.trainee.name")}
						value={name()}
						onInput={(v) => {
							setName(v);
							setNameError(undefined);
						}}
						error={nameError()}
						required
						autocomplete="name"
						ref={(el) => (nameInput = el)}
					/>
					<Field label={sim.t("ui.trainee.cohort")} value={cohort()} onInput={setCohort} />
				</fieldset>
			</Show>
			<SubmitRow label={sim.t("ui.picker.start")} />
		</form>
	);
}
