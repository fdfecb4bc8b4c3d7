import { describe, expect, test } from "vitest";
import { createRateLimiter } from "../../../src/server/rate-limit.ts";

describe("rate limiter", () => {
	test("allows a burst of the per-minute limit, then refills evenly", () => {
		let now = 0;
		const limit = createRateLimiter(6, () => now);
		for (let i = 0; i < 6; i++) expect(limit.take("a")).toBe(0);
		expect(limit.take("a")).toBe(10);
		expect(limit.take("b")).toBe(0);
		now += 9_999;
		expect(limit.take("a")).toBe(1);
		// 20 s after the burst: two tokens back.
		now += 10_001;
		expect(limit.take("a")).toBe(0);
		expect(limit.take("a")).toBe(0);
		expect(limit.take("a")).toBeGreaterThan(0);
	});

	test("forgets idle addresses once many have been seen", () => {
		let now = 0;
		const limit = createRateLimiter(1, () => now);
		for (let i = 0; i < 10_000; i++) limit.take(`addr-${i}`);
		expect(limit.take("addr-0")).toBeGreaterThan(0);
		now += 60_000;
		// The sweep runs while the map is full and drops refilled buckets; limits still hold.
		expect(limit.take("new")).toBe(0);
		expect(limit.take("new")).toBeGreaterThan(0);
		expect(limit.take("addr-0")).toBe(0);
	});
});
