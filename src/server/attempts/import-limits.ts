/**
 * How much one import may hold. A module of its own, without dependencies, so that the trainers'
 * guide page can state the numbers the server enforces.
 */

/** Files and completion codes read from one import; further ones are reported as not imported. */
export const maxImportEntries = 100;

/** All files and codes of one import together, in bytes. */
export const importBodyLimit = 8 * 1024 * 1024;
