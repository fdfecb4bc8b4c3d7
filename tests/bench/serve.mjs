// Starts the built site on a loopback port for a benchmark, and a system Chromium for it.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export async function serve(port, env = {}) {
	const server = spawn(process.execPath, ["scripts/start.mjs"], {
		env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
		stdio: "ignore",
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${base}/api/health`)).ok) break;
		} catch {
			if (i > 200) throw new Error("server did not start");
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return { base, stop: () => server.kill() };
}

export function launchBrowser() {
	const executablePath =
		process.env.CHROMIUM_PATH ??
		(existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
	return chromium.launch({ executablePath });
}
