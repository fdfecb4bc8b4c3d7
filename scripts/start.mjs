// Serves the built site (prerendered guide + on-demand routes) on one port.
// Loopback by default so a trainer's laptop does not expose the server by accident.
import { existsSync } from "node:fs";

process.env.HOST ??= "127.0.0.1";
process.env.PORT ??= "4321";

const entry = new URL("../dist/server/entry.mjs", import.meta.url);
if (!existsSync(entry)) {
	console.error("No build found: run `npm run build` first (or `npm start`, which builds).");
	process.exit(1);
}
await import(entry.href);
