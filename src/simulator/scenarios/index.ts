export * from "./brief.ts";
export * from "./people.ts";
export * from "./registry.ts";
export * from "./schema.ts";
export * from "./slug.ts";
export * from "./solve.ts";
export * from "./start.ts";
export * from "./variant.ts";
