// The attempt file: its schema, how it is graded, the completion code that carries it offline,
// and the browser's stored session around it with the phase the UI renders.
export * from "./schema.ts";
export * from "./grade.ts";
export * from "./completion-code.ts";
