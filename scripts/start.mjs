// Serves the built site (prerendered guide + on-demand routes) on one port.
// Loopback by default so a trainer's laptop does not expose the server by accident.
import { existsSync } from "node:fs";
import http from "node:http";
import https from "node:https";

process.env.HOST ??= "127.0.0.1";
process.env.PORT ??= "4321";

const entry = new URL("../dist/server/entry.mjs", import.meta.url);
if (!existsSync(entry)) {
	console.error("No build found: run `npm run build` first (or `npm start`, which builds).");
	process.exit(1);
}

// Start the server ourselves, so we know when it listens and can open the score database right
// away (the first /api/health call creates and migrates it and prints a generated trainer
// password) instead of on some trainee's first submission.
process.env.ASTRO_NODE_AUTOSTART = "disabled";
const { startServer } = await import(entry.href);
const { server } = startServer();
await new Promise((resolve, reject) => {
	server.server.once("listening", resolve);
	server.server.once("error", reject);
});
const { port } = server.server.address();
const wildcard = ["0.0.0.0", "::", ""].includes(process.env.HOST);
const host = wildcard ? "127.0.0.1" : process.env.HOST;
const client = process.env.SERVER_CERT_PATH && process.env.SERVER_KEY_PATH ? https : http;
try {
	const status = await new Promise((resolve, reject) => {
		// The certificate may be self-signed; this call only talks to ourselves.
		const request = client.get(
			{ host, port, path: "/api/health", rejectUnauthorized: false },
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
