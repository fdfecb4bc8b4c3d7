// The attempt file: its schema, how it is graded, and the completion code that carries it offline.
// (The browser's running attempt around it is the session, in `store/session/`.)
export * from "./schema.ts";
export * from "./grade.ts";
export * from "./completion-code.ts";
