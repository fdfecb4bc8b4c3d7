import { describe, expect, test } from "vitest";
import { verifyCode } from "../../../../src/server/certificates/verify.ts";
import { stores } from "../support.ts";

describe.each(stores)("$name store", ({ context }) => {
	test("verifications are limited per address: codes cannot be tried in bulk", async () => {
		const ctx = await context({ verifyPerMinute: 3 });
		const request = new Request("http://127.0.0.1/de/verify/X/");
		const from = (clientAddress: string) =>
			verifyCode(request, { clientAddress }, ctx, "ABCD-2345-WXYZ-6789");
		const kinds = [];
		for (let i = 0; i < 5; i++) kinds.push((await from("192.0.2.7")).kind);
		expect(kinds).toEqual(["not-genuine", "not-genuine", "not-genuine", "limited", "limited"]);
		// Another address is not held up by the first.
		expect((await from("198.51.100.4")).kind).toBe("not-genuine");
	});
});
