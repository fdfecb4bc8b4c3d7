import * as messages from "../../../i18n/en-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import Simulator from "../Simulator.tsx";

const t = createTranslator("en", messages);

/** The practice page's simulator with only the English strings bundled. */
export default function SimulatorEn() {
	return <Simulator locale="en" t={t} />;
}
