import type { DatabaseSync } from "node:sqlite";
import { Worker } from "node:worker_threads";

/**
 * Copies the write-ahead log back into the database file on a thread of its own. SQLite would
 * otherwise do it inside a commit every thousand pages, stalling every request behind a burst of
 * disk writes and an fsync. A passive checkpoint never blocks the server's writer or readers.
 *
 * The worker's code is a string (CommonJS, evaluated) so that bundling cannot separate it from
 * this module. Should the worker fail, SQLite's automatic checkpoints are switched back on.
 */
const workerCode = `
const { DatabaseSync } = require("node:sqlite");
const { parentPort, workerData } = require("node:worker_threads");
const db = new DatabaseSync(workerData.path);
db.exec("PRAGMA busy_timeout = 5000");
const checkpoint = () => {
	try {
		db.exec("PRAGMA wal_checkpoint(PASSIVE)");
	} catch {
		// Busy or briefly locked: the next round catches up.
	}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", () => {
	clearInterval(timer);
	checkpoint();
	db.close();
	parentPort.close();
});
`;

export interface Checkpointer {
	stop(): Promise<void>;
}

export function startCheckpointer(db: DatabaseSync, path: string, intervalMs = 1000): Checkpointer {
	db.exec("PRAGMA wal_autocheckpoint = 0");
	const worker = new Worker(workerCode, { eval: true, workerData: { path, intervalMs } });
	// Never keep the server alive just for checkpoints.
	worker.unref();
	worker.on("error", (error) => {
		console.error("[score server] background checkpoints failed, SQLite does them again:", error);
		if (db.isOpen) db.exec("PRAGMA wal_autocheckpoint = 1000");
	});
	return {
		stop: () =>
			new Promise((resolve) => {
				worker.once("exit", () => resolve());
				worker.postMessage("stop");
			}),
	};
}
