import * as messages from "../../../i18n/de-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import type { StepId } from "../../process/steps.ts";
import Exercise from "../Exercise.tsx";

const t = createTranslator("de", messages);

/** A one-step exercise with only the German strings bundled. */
export default function ExerciseDe(props: { name: string; scenario: string; focus: StepId }) {
	return (
		<Exercise locale="de" t={t} name={props.name} scenario={props.scenario} focus={props.focus} />
	);
}
