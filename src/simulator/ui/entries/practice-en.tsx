import * as messages from "../../../i18n/en-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import Practice from "../Practice.tsx";
import { mountIslands } from "./mount.tsx";

// The practice page's simulator with only the English strings bundled.
const t = createTranslator(messages);
mountIslands("simulator", () => <Practice locale="en" t={t} />);
