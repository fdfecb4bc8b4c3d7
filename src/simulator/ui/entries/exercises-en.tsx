import * as messages from "../../../i18n/en-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import Exercise from "../Exercise.tsx";
import { exerciseProps, mountIslands } from "./mount.tsx";

// The one-step exercises of a guide page, with only the English strings bundled.
const t = createTranslator(messages);
mountIslands("exercise", (element) => <Exercise locale="en" t={t} {...exerciseProps(element)} />);
