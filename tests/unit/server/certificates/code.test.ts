import { describe, expect, test } from "vitest";
import {
	certificateCode,
	codeAlphabet,
	newCertificateId,
	verifiedId,
} from "../../../../src/server/certificates/code.ts";

describe("a certificate's verification code", () => {
	const secret = "a-secret-of-the-server";
	const id = newCertificateId();
	const code = certificateCode(secret, id);

	test("reads XXXX-XXXX-XXXX-XXXX from the id and its signature, in any case and spacing", () => {
		expect(code).toMatch(/^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
		expect(code.startsWith(`${id.slice(0, 4)}-${id.slice(4)}`)).toBe(true);
		expect(verifiedId(secret, code)).toBe(id);
		expect(verifiedId(secret, code.toLowerCase().replace(/-/g, " "))).toBe(id);
	});

	test("an altered code, a forged signature or another server's secret is refused", () => {
		const other = (c: string) => codeAlphabet[(codeAlphabet.indexOf(c) + 1) % codeAlphabet.length];
		for (const at of [0, 6, 10, 18]) {
			const altered = `${code.slice(0, at)}${other(code[at]!)}${code.slice(at + 1)}`;
			expect(verifiedId(secret, altered), altered).toBeNull();
		}
		expect(verifiedId("another-secret", code)).toBeNull();
		expect(verifiedId(secret, `${code}-2`)).toBeNull();
		expect(verifiedId(secret, code.replace(/.$/, "0"))).toBeNull();
		expect(verifiedId(secret, "")).toBeNull();
	});
});
