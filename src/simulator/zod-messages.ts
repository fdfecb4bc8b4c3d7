import * as z from "zod/mini";
import { en } from "zod/locales";

/**
 * zod/mini ships without message texts to stay small in the browser. Where validation problems are
 * shown to people (the command line, the server's error answers), this loads zod's English texts,
 * so "expected string, received undefined" is said instead of a bare "Invalid input".
 */
z.config(en());
