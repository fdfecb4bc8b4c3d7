import { createSignal, onMount } from "solid-js";
import type { Translate } from "../text/locale.ts";
import { $trainee, attemptTrainee, setTrainee } from "../store/trainee.ts";
import type { AttemptTrainee } from "../attempt/schema.ts";
import { Field } from "./primitives/Field.tsx";

/** Checks the fields before an assessment starts: the trainee, or undefined after flagging the name. */
export type TraineeCheck = () => AttemptTrainee | undefined;

/**
 * Who takes the assessment: the display name and the cohort code, remembered for the next one. Its
 * own module, loaded when the picker's mode becomes Assessment, because the stored values are checked
 * with their schema (`store/trainee.ts`) and the picker's first screen does without the schema library.
 */
export default function TraineeFields(props: {
	t: Translate;
	ready: (check: TraineeCheck) => void;
	/** The key of the text above the fields; the picker's mentions its cohort button. */
	intro?: string;
}) {
	const [name, setName] = createSignal($trainee.get().name);
	const [cohort, setCohort] = createSignal($trainee.get().cohort);
	const [nameError, setNameError] = createSignal<string | undefined>();
	let nameInput: HTMLInputElement | HTMLTextAreaElement | undefined;
	// Once mounted, so that a Start that came before the fields can focus the name input.
	onMount(() =>
		props.ready(() => {
			setTrainee(name(), cohort());
			const trainee = attemptTrainee($trainee.get());
			if (!trainee) {
				setNameError(props.t("ui.trainee.nameRequired"));
				nameInput?.focus();
			}
			return trainee;
		}),
	);
	return (
		<fieldset class="st-group">
			<legend>{props.t("ui.trainee.legend")}</legend>
			<p class="st-field__hint">{props.t(props.intro ?? "ui.trainee.intro")}</p>
			{/* The trainee's name and cohort are not part of an action, so these are plain Fields. */}
			<Field
				label={props.t("ui.trainee.name")}
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
			<Field label={props.t("ui.trainee.cohort")} value={cohort()} onInput={setCohort} />
		</fieldset>
	);
}
