import * as messages from "../../../i18n/de-browser.ts";
import { mountReplay } from "./replay.tsx";

// The replay on a German attempt page, with the simulator's German texts.
void mountReplay("de", messages);
