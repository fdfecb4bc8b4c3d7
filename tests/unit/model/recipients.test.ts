import { describe, expect, test } from "vitest";
import { limits } from "../../../src/simulator/model/limits.ts";
import { parseRecipients } from "../../../src/simulator/model/recipients.ts";

describe("notification recipients text", () => {
	test("one address per line, blank lines and surrounding spaces ignored, case normalised", () => {
		const text = "\n  Anna.Schmidt@Sonnenkorn.de  \n\n\r\nit@sonnenkorn.de\t\r\n   \n";
		expect(parseRecipients(text)).toEqual(["anna.schmidt@sonnenkorn.de", "it@sonnenkorn.de"]);
	});

	test("CR, LF and CRLF line breaks all separate lines", () => {
		expect(parseRecipients("a@x.de\rb@x.de\nc@x.de\r\nd@x.de")).toEqual([
			"a@x.de",
			"b@x.de",
			"c@x.de",
			"d@x.de",
		]);
	});

	test.each([
		["a@x.de, b@x.de", 1],
		["a@x.de\nb@x.de; c@x.de", 2],
		["\n\na@x.de;", 3],
		["a@x.de,", 1],
	])("commas and semicolons are refused with the line number: %j", (text, line) => {
		expect(parseRecipients(text)).toEqual({
			code: "recipients-separator",
			field: "text",
			params: { line },
		});
	});

	test("an invalid address names its line and the problem", () => {
		expect(parseRecipients("a@x.de\n\nb x@x.de")).toEqual({
			code: "invalid-recipient",
			field: "text",
			params: { line: 3, problem: "email-spaces" },
		});
		expect(parseRecipients("a@x")).toMatchObject({ params: { line: 1, problem: "email-tld" } });
	});

	test("duplicates in any letter case are refused", () => {
		expect(parseRecipients("a@x.de\nA@X.DE")).toEqual({
			code: "duplicate-recipient",
			field: "text",
			params: { line: 2, address: "a@x.de" },
		});
	});

	test("an empty list is refused", () => {
		expect(parseRecipients("")).toEqual({ code: "recipients-empty", field: "text" });
		expect(parseRecipients(" \n\t\n ")).toEqual({ code: "recipients-empty", field: "text" });
	});

	test("at most the limit of addresses and characters", () => {
		const many = Array.from({ length: limits.recipients + 1 }, (_, i) => `r${i}@x.de`).join("\n");
		expect(parseRecipients(many)).toMatchObject({
			code: "too-many",
			params: { max: limits.recipients },
		});
		const exact = Array.from({ length: limits.recipients }, (_, i) => `r${i}@x.de`).join("\n");
		expect(parseRecipients(exact)).toHaveLength(limits.recipients);
		expect(parseRecipients("x".repeat(limits.recipientsText + 1))).toMatchObject({
			code: "too-long",
			params: { max: limits.recipientsText },
		});
	});
});
