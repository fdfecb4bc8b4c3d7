import * as messages from "../../../i18n/de-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import Exercise from "../Exercise.tsx";
import { exerciseProps, mountIslands } from "./mount.tsx";

// The one-step exercises of a guide page, with only the German strings bundled.
const t = createTranslator(messages);
mountIslands("exercise", (element) => <Exercise locale="de" t={t} {...exerciseProps(element)} />);
