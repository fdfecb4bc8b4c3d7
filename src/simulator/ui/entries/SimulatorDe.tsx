import * as messages from "../../../i18n/de-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import Simulator from "../Simulator.tsx";

const t = createTranslator("de", messages);

/** The practice page's simulator with only the German strings bundled. */
export default function SimulatorDe() {
	return <Simulator locale="de" t={t} />;
}
