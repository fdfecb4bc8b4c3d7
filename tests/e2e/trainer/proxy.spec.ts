import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { encodeCompletionCode } from "../../../src/simulator/attempt/completion-code.ts";
import {
	referenceAttempt,
	startServer,
	trainerPassword,
	uniqueCohort,
	type TestServer,
} from "./support.ts";
import { texts } from "./texts.ts";

/**
 * The trainer area behind a real TLS-terminating reverse proxy: Debian's nginx with a self-signed
 * certificate, configured as OPERATING.md tells operators to. `.ci/run` installs nginx; on a machine
 * without it the test is skipped, except in CI, where it fails.
 */

const nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((path) => existsSync(path));
test.skip(!nginx && !process.env.CI, "nginx is not installed (apt-get install nginx)");

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once("error", reject);
		probe.listen(0, "127.0.0.1", () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

interface Proxy {
	readonly url: string;
	stop(): Promise<void>;
}

/** nginx on a loopback port, terminating TLS and passing requests to `upstream`. */
async function startProxy(port: number, upstream: string): Promise<Proxy> {
	if (!nginx) throw new Error("nginx is not installed: CI must install it (.ci/run)");
	const dir = mkdtempSync(join(tmpdir(), "staging-trainer-nginx-"));
	for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, sub));
	execFileSync(
		"openssl",
		[
			"req",
			"-x509",
			"-newkey",
			"rsa:2048",
			"-nodes",
			"-days",
			"1",
			"-subj",
			"/CN=127.0.0.1",
			"-keyout",
			join(dir, "key.pem"),
			"-out",
			join(dir, "cert.pem"),
		],
		{ stdio: "ignore" },
	);
	// The `location` block is OPERATING.md's (section "Behind a reverse proxy"); the rest runs nginx
	// as this user, in the foreground, with its files in the temporary folder.
	writeFileSync(
		join(dir, "nginx.conf"),
		`daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	server {
		listen 127.0.0.1:${port} ssl;
		ssl_certificate ${dir}/cert.pem;
		ssl_certificate_key ${dir}/key.pem;
		client_max_body_size 8m;
		location / {
			proxy_pass ${upstream};
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-Proto $scheme;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
		}
	}
}
`,
	);
	const child: ChildProcess = spawn(nginx, ["-c", join(dir, "nginx.conf"), "-p", dir], {
		stdio: "ignore",
	});
	const url = `https://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		const up = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, "127.0.0.1", () => {
				socket.destroy();
				resolve(true);
			});
			socket.on("error", () => resolve(false));
		});
		if (up) break;
		if (i > 100 || child.exitCode !== null) throw new Error("nginx did not start");
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		stop: async () => {
			child.kill("SIGTERM");
			if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

test("behind nginx over https: sign in, import and sign out", async ({ browser }) => {
	const port = await freePort();
	let server: TestServer | undefined;
	let proxy: Proxy | undefined;
	try {
		server = await startServer({ TRUST_PROXY: "1", SITE_URL: `https://127.0.0.1:${port}` });
		proxy = await startProxy(port, server.url);
		const context = await browser.newContext({ ignoreHTTPSErrors: true, baseURL: proxy.url });
		const page = await context.newPage();
		const t = texts("de");

		// Sign in through the form (a cross-origin POST to Astro unless it sees the public https URL).
		await page.goto("/de/trainer/import/");
		await expect(page).toHaveURL(/\/de\/trainer\/login\/\?next=/);
		await page.getByLabel(t("trainer.login.email")).fill("admin");
		await page.getByLabel(t("trainer.login.password")).fill(trainerPassword);
		await page.getByRole("button", { name: t("trainer.login.submit") }).click();
		await expect(page).toHaveURL(`${proxy.url}/de/trainer/import/`);
		const session = (await context.cookies()).find((c) => c.name === "st_trainer");
		expect(session?.secure).toBe(true);

		// Import a completion code (a multipart form post).
		const cohort = uniqueCohort();
		const code = await encodeCompletionCode(
			referenceAttempt({ trainee: { name: "Paula Proxy", cohort } }),
		);
		await page.getByLabel(t("trainer.import.codes")).fill(code);
		await page.getByRole("button", { name: t("trainer.import.submit") }).click();
		const results = page.getByRole("table", { name: t("trainer.import.resultsCaption") });
		await expect(results.getByRole("row", { name: /Code 1/ })).toContainText(
			t("trainer.import.imported"),
		);
		await page.goto(`/de/trainer/?cohort=${cohort}`);
		await expect(page.getByRole("link", { name: "Paula Proxy" })).toBeVisible();

		// Sign out.
		await page.getByRole("button", { name: t("trainer.nav.logout") }).click();
		await expect(page.getByText(t("trainer.login.loggedOut"))).toBeVisible();
		const after = await page.goto("/de/trainer/");
		expect(after?.status()).toBe(200);
		await expect(page).toHaveURL(/\/de\/trainer\/login\//);
		await context.close();
	} finally {
		await proxy?.stop();
		await server?.stop();
	}
});
