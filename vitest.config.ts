import { defineConfig } from "vitest/config";

// Unit tests cover the pure core and content; they need neither Astro nor a browser.
export default defineConfig({
	test: {
		include: ["tests/unit/**/*.test.ts"],
		environment: "node",
	},
});
