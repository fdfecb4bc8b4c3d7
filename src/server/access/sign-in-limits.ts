/**
 * Sign-in throttling. Three limits, so that guessing the trainer password stays slow however many
 * addresses a guesser has, while no one can keep the trainer out:
 *
 * - **Per address** (LOGIN_RATE_LIMIT_PER_MINUTE, 10): a burst of that many tries, then one every
 *   60/N seconds; and after that many failures in a row, each further failure doubles the wait
 *   (2 s, 4 s, … up to 15 minutes). A correct password resets both.
 * - **All addresses together** (LOGIN_GLOBAL_RATE_LIMIT_PER_MINUTE, 30 failures a minute): five
 *   addresses no longer give five times the guesses. It is higher than the per-address limit, so
 *   one address alone can never use it up and lock the others out.
 * - **Each account** (LOGIN_RATE_LIMIT_PER_MINUTE, as for one address): the tries on one account
 *   from browsers not known to us, whatever their addresses, so many addresses give no more
 *   guesses at one trainer's password. Like the limit for all addresses it only slows guessing
 *   down and never blocks for longer, and a trainer's known browser is not counted in it.
 * - **Known browsers**: a browser that has signed in before carries a device cookie
 *   (`TrainerAuth.trustDevice`); its tries count against that browser alone, not its address
 *   and not the global limit. A colleague (or malware) behind the same address, or a crowd of
 *   guessers, cannot lock the trainer out of a browser they have used before.
 *
 * Each try takes its tokens before the password is checked, so parallel requests cannot slip
 * past the limit; a correct password gives them back. The counts live in the score store's
 * database (table login_limits), each change in a transaction that locks the rows it reads: with
 * several server instances behind a load balancer, a guesser gets no more tries by being sent to
 * another instance, and a restart forgets nothing.
 */
import type { Database, Queryable, Row } from "../database/database.ts";

export interface SignInLimitsOptions {
	/** Tries per minute for one address or one known browser. */
	readonly perMinute: number;
	/** Failed tries per minute from all addresses without a known-browser cookie. */
	readonly globalPerMinute: number;
	readonly now?: () => number;
}

/** A try let through: say how it ended. */
export interface SignInTicket {
	succeeded(): Promise<void>;
	failed(): Promise<void>;
}

export type SignInDecision =
	| { readonly ok: true; readonly ticket: SignInTicket }
	| { readonly ok: false; readonly retryAfter: number };

/** A row of login_limits: a token bucket, and for a key its failures in a row. */
interface Counter {
	tokens: number;
	updated: number;
	/** Failures in a row. */
	failures: number;
	lastFailure: number;
	blockedUntil: number;
}

const baseDelayMs = 2_000;
const maxDelayMs = 15 * 60_000;
/** Failures in a row are forgotten after an hour without one. */
const forgetAfterMs = 60 * 60_000;
/** The row of the limit for all addresses together. */
const globalKey = "global";
/** Rows of the per-account limits: like the global one, each for one account's tries. */
const accountPrefix = "account:";

export interface SignInLimits {
	/**
	 * Asks to check a password for `key` (`address:…` or `device:…`). With `global`, the try also
	 * counts against the limit for all addresses together and, if `account` is given, against the
	 * same limit for that account alone.
	 */
	begin(
		key: string,
		options: { readonly global: boolean; readonly account?: string },
	): Promise<SignInDecision>;
}

function counterOf(r: Row): Counter {
	return {
		tokens: Number(r.tokens),
		updated: Number(r.updated),
		failures: Number(r.failures),
		lastFailure: Number(r.last_failure),
		blockedUntil: Number(r.blocked_until),
	};
}

function refill(bucket: Counter, capacity: number, rate: number, time: number): void {
	bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, time - bucket.updated) * rate);
	bucket.updated = time;
}

/** Milliseconds until `bucket` holds a whole token again. */
const untilToken = (bucket: Counter, rate: number) =>
	bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / rate;

export function createSignInLimits(db: Database, options: SignInLimitsOptions): SignInLimits {
	const now = options.now ?? Date.now;
	const perMs = options.perMinute / 60_000;
	const globalPerMs = options.globalPerMinute / 60_000;
	const pooled = (key: string) => key === globalKey || key.startsWith(accountPrefix);
	const capacity = (key: string) =>
		key === globalKey ? options.globalPerMinute : options.perMinute;
	const rate = (key: string) => (key === globalKey ? globalPerMs : perMs);

	/**
	 * The keys' rows, refilled to `time` and locked for this transaction, taken in key order, so two
	 * requests that need the same rows wait for each other in line rather than in a circle.
	 */
	async function lock(tx: Queryable, keys: string[], time: number): Promise<Map<string, Counter>> {
		const counters = new Map<string, Counter>();
		for (const key of [...new Set(keys)].sort()) {
			// Created full if new, and locked until the transaction ends, in one statement: a row
			// read apart from its creation could be swept away in between by another instance.
			const row = await tx.get<Row>(
				`INSERT INTO login_limits (key, tokens, updated, failures, last_failure, blocked_until)
					VALUES (?, ?, ?, 0, 0, 0)
					ON CONFLICT (key) DO UPDATE SET key = excluded.key
					RETURNING *`,
				[key, capacity(key), time],
			);
			const c = counterOf(row as Row);
			refill(c, capacity(key), rate(key), time);
			if (!pooled(key) && c.failures > 0 && time - c.lastFailure > forgetAfterMs) {
				c.failures = 0;
			}
			counters.set(key, c);
		}
		return counters;
	}

	async function save(tx: Queryable, counters: Map<string, Counter>): Promise<void> {
		for (const [key, c] of counters) {
			await tx.run(
				`UPDATE login_limits SET tokens = ?, updated = ?, failures = ?, last_failure = ?,
					blocked_until = ? WHERE key = ?`,
				[c.tokens, c.updated, c.failures, c.lastFailure, c.blockedUntil, key],
			);
		}
	}

	/** Changes the rows of `keys` in one transaction. */
	function change(keys: string[], fn: (counters: Map<string, Counter>, time: number) => void) {
		return db.transaction(async (tx) => {
			const time = now();
			const counters = await lock(tx, keys, time);
			fn(counters, time);
			await save(tx, counters);
		});
	}

	return {
		begin(key, { global: useGlobal, account }) {
			const pools = useGlobal
				? [globalKey, ...(account === undefined ? [] : [`${accountPrefix}${account}`])]
				: [];
			const keys = [key, ...pools];
			return db.transaction(async (tx): Promise<SignInDecision> => {
				const time = now();
				// Addresses and accounts that have been quiet for an hour are full again: their rows go.
				await tx.run(
					`DELETE FROM login_limits WHERE key <> ? AND updated < ? AND last_failure < ?
						AND blocked_until <= ?`,
					[globalKey, time - forgetAfterMs, time - forgetAfterMs, time],
				);
				const counters = await lock(tx, keys, time);
				const c = counters.get(key) as Counter;
				const wait = Math.max(
					c.blockedUntil - time,
					untilToken(c, perMs),
					...pools.map((p) => untilToken(counters.get(p) as Counter, rate(p))),
				);
				if (wait > 0) {
					await save(tx, counters);
					return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
				}
				c.tokens -= 1;
				for (const p of pools) (counters.get(p) as Counter).tokens -= 1;
				await save(tx, counters);
				let settled = false;
				const once = (fn: (counters: Map<string, Counter>, time: number) => void) => {
					if (settled) return Promise.resolve();
					settled = true;
					return change(keys, fn);
				};
				return {
					ok: true,
					ticket: {
						succeeded: () =>
							once((counters) => {
								const own = counters.get(key) as Counter;
								own.tokens = Math.min(options.perMinute, own.tokens + 1);
								own.failures = 0;
								own.blockedUntil = 0;
								for (const p of pools) {
									const pool = counters.get(p) as Counter;
									pool.tokens = Math.min(capacity(p), pool.tokens + 1);
								}
							}),
						failed: () =>
							once((counters, at) => {
								const own = counters.get(key) as Counter;
								own.failures += 1;
								own.lastFailure = at;
								const beyond = own.failures - options.perMinute;
								if (beyond > 0) {
									own.blockedUntil = at + Math.min(maxDelayMs, baseDelayMs * 2 ** (beyond - 1));
								}
							}),
					},
				};
			});
		},
	};
}
