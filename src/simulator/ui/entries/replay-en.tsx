import * as messages from "../../../i18n/en-browser.ts";
import { mountReplay } from "./replay.tsx";

// The replay on an English attempt page, with the simulator's English texts.
void mountReplay("en", messages);
