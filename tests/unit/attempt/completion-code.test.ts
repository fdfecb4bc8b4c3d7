import { deflateRawSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import {
	completionCodePrefix,
	decodeCompletionCode,
	encodeCompletionCode,
	maxDecodedBytes,
} from "../../../src/simulator/attempt/completion-code.ts";
import { attempt } from "../server/support.ts";

const toCode = (bytes: Buffer) => completionCodePrefix + bytes.toString("base64url");

describe("completion codes", () => {
	test("round trip: URL-safe, versioned, shorter than the JSON", async () => {
		const a = attempt({
			scenario: { id: "multi-site-erp", seed: 11 },
			trainee: { name: "Zoë Müller", cohort: "K–1" },
		});
		const code = await encodeCompletionCode(a);
		expect(code.startsWith("ST1.")).toBe(true);
		expect(code.slice(4)).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(code.length).toBeLessThan(JSON.stringify(a).length / 2);
		expect(await decodeCompletionCode(code)).toEqual({ ok: true, attempt: a });
		expect(await decodeCompletionCode(`  ${code.slice(0, 30)}\n${code.slice(30)}\n`)).toEqual({
			ok: true,
			attempt: a,
		});
	});

	test("a tampered but well-formed code decodes: catching it is the regrade's job", async () => {
		const original = attempt({ events: [], claimedScore: 12 });
		const decoded = await decodeCompletionCode(await encodeCompletionCode(original));
		if (!decoded.ok) throw new Error(decoded.problem);
		const forged = await encodeCompletionCode({ ...decoded.attempt, claimedScore: 100 });
		expect(await decodeCompletionCode(forged)).toMatchObject({
			ok: true,
			attempt: { claimedScore: 100 },
		});
	});

	test.each([
		["no prefix", "hello"],
		["another version", "ST2.abc"],
		["characters outside base64url", "ST1.ab+/"],
		["a cut-off code", "ST1.q1YqzUs"],
		["not deflated", toCode(Buffer.from("plain text"))],
		["deflated text that is not JSON", toCode(deflateRawSync("not json"))],
	])("%s is unreadable", async (_name, code) => {
		expect(await decodeCompletionCode(code)).toMatchObject({ ok: false, kind: "unreadable" });
	});

	test("JSON that is no valid attempt is reported with the field at fault", async () => {
		const code = toCode(deflateRawSync(JSON.stringify({ ...attempt(), mode: "exam" })));
		expect(await decodeCompletionCode(code)).toEqual({
			ok: false,
			kind: "invalid-attempt",
			problem: expect.stringMatching(/^mode: /),
		});
	});

	test("a small code that inflates beyond the limit is refused", async () => {
		const bomb = toCode(deflateRawSync(Buffer.alloc(maxDecodedBytes + 1, 32)));
		expect(bomb.length).toBeLessThan(10_000);
		expect(await decodeCompletionCode(bomb)).toMatchObject({ ok: false, kind: "unreadable" });
	});
});
