import * as messages from "../../../i18n/de-browser.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import { mountPackage } from "./package.tsx";

// A SCORM package's assessment with only the German strings bundled.
mountPackage("de", createTranslator(messages));
