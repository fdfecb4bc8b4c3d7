import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { docsLoader, i18nLoader } from "@astrojs/starlight/loaders";
import { docsSchema, i18nSchema } from "@astrojs/starlight/schema";
import { scenarioSchema } from "./simulator/scenarios/schema.ts";
import "./simulator/zod-messages.ts";

/**
 * Scenario files are checked by the core's own schema (zod/mini, shared with the browser and the
 * server); each problem is reported to Astro with its path, so a bad file fails the build clearly.
 */
const scenarioFile = z.unknown().superRefine((value, ctx) => {
	const result = scenarioSchema.safeParse(value);
	if (result.success) return;
	for (const issue of result.error.issues) {
		ctx.addIssue({ code: "custom", message: issue.message, path: issue.path as PropertyKey[] });
	}
});

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	// Starlight's own UI strings, overridden or extended per language.
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
	scenarios: defineCollection({
		loader: glob({ pattern: "*.json", base: "./src/content/scenarios" }),
		schema: scenarioFile,
	}),
};
