import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config.ts";
import { testServerEnv } from "../e2e/trainer/server-env.ts";

// `npm run screenshots`: the browser tests' settings with this folder's capture spec, which
// writes the guide's pictures of the simulator. One worker, so both languages share one manifest.
const port = Number(process.env.SCREENS_PORT ?? 4396);

export default defineConfig({
	...base,
	testDir: ".",
	testMatch: "capture.spec.ts",
	fullyParallel: false,
	workers: 1,
	retries: 0,
	use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
	webServer: {
		command: "node scripts/start.mjs",
		cwd: fileURLToPath(new URL("../..", import.meta.url)),
		url: `http://127.0.0.1:${port}/api/health`,
		env: { PORT: String(port), HOST: "127.0.0.1", ...testServerEnv(`screens-${port}`) },
		// Always the build just made, never a server left running from an older one.
		reuseExistingServer: false,
		timeout: 60_000,
	},
});
