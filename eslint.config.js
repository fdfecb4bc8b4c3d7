import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import astro from "eslint-plugin-astro";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
	{
		ignores: ["dist/", ".astro/", "node_modules/", "test-results/", "playwright-report/", "data/"],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		// Solid assigns `let el; <div ref={el}>` in compiled JSX, which this rule cannot see.
		files: ["**/*.tsx"],
		rules: { "no-unassigned-vars": "off" },
	},
	{
		// The score store answers with promises (SQLite or PostgreSQL): a check that is not awaited
		// (a trainer's session, say) would pass by default, so the server's code must await them.
		files: ["src/server/**/*.ts", "src/pages/api/**/*.ts", "src/middleware.ts", "scripts/**/*.ts"],
		languageOptions: { parserOptions: { projectService: true } },
		rules: {
			"@typescript-eslint/no-floating-promises": "error",
			"@typescript-eslint/no-misused-promises": "error",
			"@typescript-eslint/await-thenable": "error",
		},
	},
	{
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			"@typescript-eslint/no-unused-vars": [
				"error",
				{ argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
			],
		},
	},
);
