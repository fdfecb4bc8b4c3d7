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
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			"@typescript-eslint/no-unused-vars": [
				"error",
				{ argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
			],
		},
	},
);
