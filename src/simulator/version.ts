// Named, so the bundler takes this one string from package.json and nothing else of it.
import { version } from "../../package.json";

/** Recorded in every attempt, so a trainer can tell which release produced it: package.json's. */
export const appVersion: string = version;
