import * as z from "zod/mini";
import { locales } from "./locale.ts";

/** A language as files and requests name it: an attempt's, a package's, a command line's. */
export const localeSchema = z.enum(locales);
