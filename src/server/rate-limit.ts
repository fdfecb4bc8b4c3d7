/**
 * A token bucket per key (client address): `perMinute` requests in a burst, refilled evenly over a
 * minute. In memory, because limits protect one server process; idle full buckets are swept so
 * the map cannot grow without bound.
 */
export interface RateLimiter {
	/** Takes one token; returns 0 if allowed, else the seconds until the next token. */
	take(key: string): number;
}

interface Bucket {
	tokens: number;
	updated: number;
}

const sweepAbove = 10_000;

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
	const buckets = new Map<string, Bucket>();
	const perMs = perMinute / 60_000;

	function refill(bucket: Bucket, time: number): void {
		bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.updated) * perMs);
		bucket.updated = time;
	}

	function sweep(time: number): void {
		for (const [key, bucket] of buckets) {
			refill(bucket, time);
			if (bucket.tokens >= perMinute) buckets.delete(key);
		}
	}

	return {
		take(key) {
			const time = now();
			let bucket = buckets.get(key);
			if (bucket === undefined) {
				if (buckets.size >= sweepAbove) sweep(time);
				bucket = { tokens: perMinute, updated: time };
				buckets.set(key, bucket);
			} else {
				refill(bucket, time);
			}
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
		},
	};
}
