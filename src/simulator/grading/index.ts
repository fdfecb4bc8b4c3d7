export * from "./end-state.ts";
export * from "./finding.ts";
export * from "./grade.ts";
export * from "./rubric.ts";
export * from "./trace.ts";
export { stepStatus, type StepState } from "../process/status.ts";
export * from "./feedback.ts";
export * from "./explain.ts";
