/**
 * Sign-in throttling. Three limits, so that guessing the trainer password stays slow however many
 * addresses a guesser has, while no one can keep the trainer out:
 *
 * - **Per address** (LOGIN_RATE_LIMIT_PER_MINUTE, 10): a burst of that many attempts, then one every
 *   60/N seconds; and after that many failures in a row, each further failure doubles the wait
 *   (2 s, 4 s, … up to 15 minutes). A correct password resets both.
 * - **All addresses together** (LOGIN_GLOBAL_RATE_LIMIT_PER_MINUTE, 30 failures a minute): five
 *   addresses no longer give five times the guesses. It is higher than the per-address limit, so
 *   one address alone can never use it up and lock the others out.
 * - **Known browsers**: a browser that has signed in before carries a device cookie
 *   (`TrainerAuth.trustDevice`); its attempts count against that browser alone, not its address
 *   and not the global limit. A colleague (or malware) behind the same address, or a crowd of
 *   guessers, cannot lock the trainer out of a browser they have used before.
 *
 * Each attempt takes its tokens before the password is checked, so parallel requests cannot slip
 * past the limit; a correct password gives them back. In memory: the limits protect this process.
 */

export interface LoginThrottleOptions {
	/** Attempts per minute for one address or one known browser. */
	readonly perMinute: number;
	/** Failed attempts per minute from all addresses without a known-browser cookie. */
	readonly globalPerMinute: number;
	readonly now?: () => number;
}

/** An attempt let through: say how it ended. */
export interface LoginTicket {
	succeeded(): void;
	failed(): void;
}

export type ThrottleDecision =
	| { readonly ok: true; readonly ticket: LoginTicket }
	| { readonly ok: false; readonly retryAfter: number };

interface Bucket {
	tokens: number;
	updated: number;
}

interface Counter extends Bucket {
	/** Failures in a row. */
	failures: number;
	lastFailure: number;
	blockedUntil: number;
}

const baseDelayMs = 2_000;
const maxDelayMs = 15 * 60_000;
/** Failures in a row are forgotten after an hour without one. */
const forgetAfterMs = 60 * 60_000;
const sweepAbove = 10_000;

export interface LoginThrottle {
	/** Asks to check a password for `key` (`address:…` or `device:…`). */
	begin(key: string, options: { readonly global: boolean }): ThrottleDecision;
}

export function createLoginThrottle(options: LoginThrottleOptions): LoginThrottle {
	const now = options.now ?? Date.now;
	const perMs = options.perMinute / 60_000;
	const globalPerMs = options.globalPerMinute / 60_000;
	const counters = new Map<string, Counter>();
	const global: Bucket = { tokens: options.globalPerMinute, updated: now() };

	function refill(bucket: Bucket, capacity: number, rate: number, time: number): void {
		bucket.tokens = Math.min(capacity, bucket.tokens + (time - bucket.updated) * rate);
		bucket.updated = time;
	}

	function counter(key: string, time: number): Counter {
		let c = counters.get(key);
		if (c === undefined) {
			if (counters.size >= sweepAbove) sweep(time);
			c = {
				tokens: options.perMinute,
				updated: time,
				failures: 0,
				lastFailure: 0,
				blockedUntil: 0,
			};
			counters.set(key, c);
		} else {
			refill(c, options.perMinute, perMs, time);
			if (c.failures > 0 && time - c.lastFailure > forgetAfterMs) c.failures = 0;
		}
		return c;
	}

	function sweep(time: number): void {
		for (const [key, c] of counters) {
			refill(c, options.perMinute, perMs, time);
			if (
				c.tokens >= options.perMinute &&
				time >= c.blockedUntil &&
				time - c.lastFailure > forgetAfterMs
			) {
				counters.delete(key);
			}
		}
	}

	/** Milliseconds until `bucket` holds a whole token again. */
	const untilToken = (bucket: Bucket, rate: number) =>
		bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / rate;

	return {
		begin(key, { global: useGlobal }) {
			const time = now();
			const c = counter(key, time);
			refill(global, options.globalPerMinute, globalPerMs, time);
			const wait = Math.max(
				c.blockedUntil - time,
				untilToken(c, perMs),
				useGlobal ? untilToken(global, globalPerMs) : 0,
			);
			if (wait > 0) return { ok: false, retryAfter: Math.max(1, Math.ceil(wait / 1000)) };
			c.tokens -= 1;
			if (useGlobal) global.tokens -= 1;
			let settled = false;
			return {
				ok: true,
				ticket: {
					succeeded() {
						if (settled) return;
						settled = true;
						c.tokens = Math.min(options.perMinute, c.tokens + 1);
						if (useGlobal) global.tokens = Math.min(options.globalPerMinute, global.tokens + 1);
						c.failures = 0;
						c.blockedUntil = 0;
					},
					failed() {
						if (settled) return;
						settled = true;
						const at = now();
						c.failures += 1;
						c.lastFailure = at;
						const beyond = c.failures - options.perMinute;
						if (beyond > 0) {
							c.blockedUntil = at + Math.min(maxDelayMs, baseDelayMs * 2 ** (beyond - 1));
						}
					},
				},
			};
		},
	};
}
