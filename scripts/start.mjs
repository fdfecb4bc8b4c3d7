// Serves the built site (prerendered guide + on-demand routes) on one port, behind the server
// shell (src/server/http/shell.ts: security headers, allowed methods, forwarded headers) and with
// the limits of src/server/http/server.ts. Loopback by default, so a trainer's laptop does not
// expose the server by accident. The TypeScript modules load with Node's own type stripping.
import { existsSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { fileURLToPath } from "node:url";
import { ConfigError, readConfig, startProblem } from "../src/server/config.ts";
import { openConfiguredDatabase } from "../src/server/database/open.ts";
import { createHttpServer } from "../src/server/http/server.ts";
import { createShell } from "../src/server/http/shell.ts";
import { createStaticFiles } from "../src/server/http/static-files.ts";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT ?? "4321");

const entry = new URL("../dist/server/entry.mjs", import.meta.url);
if (!existsSync(entry)) {
	console.error("No build found: run `npm run build` first (or `npm start`, which builds).");
	process.exit(1);
}

let config;
try {
	config = readConfig();
} catch (error) {
	if (!(error instanceof ConfigError)) throw error;
	console.error(startProblem(error));
	process.exit(1);
}

// A database that cannot be used (DATABASE_URL unreachable, a wrong password, a file that cannot be
// written) stops the start here, before the port is open: no server that answers half-way.
try {
	const opened = await openConfiguredDatabase(config);
	await opened.database.close();
} catch (error) {
	// It says which database and why (without a password), or what else failed.
	console.error(startProblem(error instanceof Error ? error : { message: String(error) }));
	process.exit(1);
}

// The built entry would start a server of its own; we start ours around its handler instead.
process.env.ASTRO_NODE_AUTOSTART = "disabled";
const { handler } = await import(entry.href);
const staticFiles = createStaticFiles(fileURLToPath(new URL("../dist/client/", import.meta.url)));
const server = createHttpServer(createShell(handler, config, staticFiles), config);
await new Promise((resolve, reject) => {
	server.once("listening", resolve);
	server.once("error", reject);
	server.listen(port, host);
});
const address = server.address();
const wildcard = ["0.0.0.0", "::", ""].includes(host);
const local = wildcard ? "127.0.0.1" : host;
const secure = Boolean(process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH);
const shown = local.includes(":") ? `[${local}]` : local;
console.log(`Server listening on ${secure ? "https" : "http"}://${shown}:${address.port}`);

// Open the score database right away (the first /api/health call creates and migrates it and
// prints a generated trainer password) instead of on some trainee's first submission.
try {
	const status = await new Promise((resolve, reject) => {
		// The certificate may be self-signed; this call only talks to ourselves.
		const request = (secure ? https : http).get(
			{ host: local, port: address.port, path: "/api/health", rejectUnauthorized: false },
			(res) => {
				res.resume();
				resolve(res.statusCode);
			},
		);
		request.on("error", reject);
	});
	if (status !== 200) throw new Error(`/api/health answered ${status}`);
} catch (error) {
	console.error("The score server could not open its database:", error);
	process.exit(1);
}
