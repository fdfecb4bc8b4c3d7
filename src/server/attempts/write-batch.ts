import type { AttemptStore, InsertOutcome, NewAttempt } from "./store.ts";

interface Pending {
	readonly record: NewAttempt;
	readonly resolve: (outcome: InsertOutcome) => void;
	readonly reject: (error: unknown) => void;
}

/**
 * Group commit for submissions: attempts that arrive in the same turn of the event loop are stored
 * in one transaction, so a burst of trainees finishing together costs one sync to disk instead of
 * one each. A submission's promise settles only after its transaction committed, so the client's
 * 2xx still means the attempt is on disk. While `hold()` is true (the checkpointer is emptying the
 * write-ahead log) the batch waits, a millisecond at a time, instead of blocking the event loop on
 * the database lock.
 */
export class BatchedAttemptWriter {
	readonly #store: AttemptStore;
	readonly #hold: () => boolean;
	#pending: Pending[] = [];
	#scheduled = false;

	constructor(store: AttemptStore, hold: () => boolean = () => false) {
		this.#store = store;
		this.#hold = hold;
	}

	insert(record: NewAttempt): Promise<InsertOutcome> {
		return new Promise((resolve, reject) => {
			this.#pending.push({ record, resolve, reject });
			if (!this.#scheduled) {
				this.#scheduled = true;
				// After the I/O callbacks of this turn, so requests read together are written together.
				setImmediate(() => void this.#flush());
			}
		});
	}

	async #flush(): Promise<void> {
		if (this.#hold()) {
			setTimeout(() => void this.#flush(), 1);
			return;
		}
		this.#scheduled = false;
		const batch = this.#pending;
		this.#pending = [];
		let outcomes: (InsertOutcome | Error)[];
		try {
			outcomes = await this.#store.insertMany(batch.map((p) => p.record));
		} catch (error) {
			for (const p of batch) p.reject(error);
			return;
		}
		batch.forEach((p, i) => {
			const outcome = outcomes[i];
			if (outcome === undefined || outcome instanceof Error) p.reject(outcome);
			else p.resolve(outcome);
		});
	}
}
