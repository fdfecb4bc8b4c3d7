import * as messages from "../../../i18n/de-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import Practice from "../Practice.tsx";
import { mountIslands } from "./mount.tsx";

// The practice page's simulator with only the German strings bundled.
const t = createTranslator(messages);
mountIslands("simulator", () => <Practice locale="de" t={t} />);
