import * as messages from "../../../i18n/en-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import type { StepId } from "../../process/steps.ts";
import Exercise from "../Exercise.tsx";

const t = createTranslator("en", messages);

/** A one-step exercise with only the English strings bundled. */
export default function ExerciseEn(props: { name: string; scenario: string; focus: StepId }) {
	return (
		<Exercise locale="en" t={t} name={props.name} scenario={props.scenario} focus={props.focus} />
	);
}
