import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { testServerEnv } from "./tests/e2e/trainer/server-env.ts";

// Playwright cannot download its browsers on every machine: use the system Chromium when
// CHROMIUM_PATH names one or /usr/bin/chromium exists; otherwise Playwright's own browser.
const chromiumPath =
	process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const port = Number(process.env.E2E_PORT ?? 4391);

export default defineConfig({
	testDir: "tests/e2e",
	fullyParallel: true,
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [["list"]] : [["list"]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: "retain-on-failure",
	},
	projects: [
		{
			name: "chromium",
			use: {
				...devices["Desktop Chrome"],
				launchOptions: {
					executablePath: chromiumPath,
					// A closed network: keep Chromium from calling home at every start.
					args: [
						"--disable-background-networking",
						"--disable-component-update",
						"--disable-sync",
						"--disable-quic",
						"--no-first-run",
					],
				},
			},
		},
	],
	webServer: {
		command: "node scripts/start.mjs",
		url: `http://127.0.0.1:${port}/api/health`,
		env: { PORT: String(port), HOST: "127.0.0.1", ...testServerEnv(`e2e-${port}`) },
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
