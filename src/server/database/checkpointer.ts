import type { DatabaseSync } from "node:sqlite";
import { Worker } from "node:worker_threads";

/**
 * Copies the write-ahead log back into the database file on a thread of its own. SQLite would
 * otherwise do it inside a commit every thousand pages, stalling every request behind a burst of
 * disk writes and an fsync. A passive checkpoint never blocks the server's writer or readers.
 *
 * Passive checkpoints alone let the WAL grow without end under sustained load: the log is only
 * started over once a checkpoint has caught up with it, and with submissions arriving every
 * millisecond it never does (1.2 GB after 30 s at 1,000 submissions/s). So once the file passes
 * `truncateAboveBytes`, the worker raises `holdWrites()` and runs a TRUNCATE checkpoint: it copies
 * what the passive rounds left (little, as they run every `pollMs` while the log grows) and empties
 * the file. The batched writer defers its next transaction while the flag is up; without that
 * pause a busy writer would take the lock back between every two of the checkpoint's tries. The
 * checkpoint waits at most `busyMs` for readers; if one keeps the log (a backup, a `sqlite3`
 * shell), writers go on and the next try comes `backoffMs` later, so the flag is never up for long.
 *
 * The worker's code is a string (CommonJS, evaluated) so that bundling cannot separate it from
 * this module. Should the worker fail, SQLite's automatic checkpoints are switched back on.
 */
const workerCode = `
const { statSync } = require("node:fs");
const { DatabaseSync } = require("node:sqlite");
const { parentPort, workerData } = require("node:worker_threads");
const hold = new Int32Array(workerData.hold);
const db = new DatabaseSync(workerData.path);
// Short: a reader that keeps the log (a backup, a sqlite3 shell) must not hold writers up for long.
db.exec("PRAGMA busy_timeout = " + workerData.busyMs);
const passive = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
const truncate = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
const walSize = () => {
	try {
		return statSync(workerData.path + "-wal").size;
	} catch {
		return 0;
	}
};
let nextTruncate = 0;
const round = () => {
	try {
		// A passive round with nothing new to copy costs a look at shared memory, no disk access.
		if (walSize() >= workerData.truncateAboveBytes && Date.now() >= nextTruncate) {
			Atomics.store(hold, 0, 1);
			const result = truncate.get();
			// Someone still reads the log: try again later, letting writers on meanwhile.
			if (result.busy !== 0) nextTruncate = Date.now() + workerData.backoffMs;
		} else {
			passive.get();
		}
	} catch {
		// Busy or briefly locked: the next round catches up.
		nextTruncate = Date.now() + workerData.backoffMs;
	} finally {
		Atomics.store(hold, 0, 0);
	}
};
const timer = setInterval(round, workerData.pollMs);
parentPort.postMessage("ready");
parentPort.on("message", () => {
	clearInterval(timer);
	round();
	db.close();
	parentPort.close();
});
`;

export interface Checkpointer {
	/** Settles once the worker has opened the database and runs its rounds. */
	readonly ready: Promise<void>;
	/** True while the log is being emptied: writers should wait (asynchronously) before writing. */
	holdWrites(): boolean;
	stop(): Promise<void>;
}

export interface CheckpointerOptions {
	/** How often the worker looks at the WAL and copies what is new. */
	readonly pollMs?: number;
	/** WAL size from which it is emptied (TRUNCATE) rather than only copied. */
	readonly truncateAboveBytes?: number;
	/** How long an emptying checkpoint waits for the database lock and readers. */
	readonly busyMs?: number;
	/** After an emptying checkpoint that could not finish, how long until the next try. */
	readonly backoffMs?: number;
}

export function startCheckpointer(
	db: DatabaseSync,
	path: string,
	{
		pollMs = 100,
		truncateAboveBytes = 16 * 1024 * 1024,
		busyMs = 200,
		backoffMs = 2_000,
	}: CheckpointerOptions = {},
): Checkpointer {
	db.exec("PRAGMA wal_autocheckpoint = 0");
	const hold = new Int32Array(new SharedArrayBuffer(4));
	const worker = new Worker(workerCode, {
		eval: true,
		workerData: { path, pollMs, truncateAboveBytes, busyMs, backoffMs, hold: hold.buffer },
	});
	// Never keep the server alive just for checkpoints.
	worker.unref();
	const ready = new Promise<void>((resolve) => worker.once("message", () => resolve()));
	worker.on("error", (error) => {
		console.error("[score server] background checkpoints failed, SQLite does them again:", error);
		if (db.isOpen) db.exec("PRAGMA wal_autocheckpoint = 1000");
	});
	// A worker that ended (or failed) in the middle of a round must not leave writers waiting.
	worker.on("exit", () => Atomics.store(hold, 0, 0));
	return {
		ready,
		holdWrites: () => Atomics.load(hold, 0) === 1,
		stop: () =>
			new Promise((resolve) => {
				worker.once("exit", () => resolve());
				worker.postMessage("stop");
			}),
	};
}
