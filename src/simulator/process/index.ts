export * from "./checks.ts";
export * from "./guide.ts";
export * from "./order.ts";
export * from "./relevance.ts";
export * from "./requirements.ts";
export * from "./status.ts";
export * from "./steps.ts";
export * from "./action-steps.ts";
