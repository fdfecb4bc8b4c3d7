import * as messages from "../../../i18n/en-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import { mountPackage } from "./package.tsx";

// A SCORM package's assessment with only the English strings bundled.
mountPackage("en", createTranslator(messages));
