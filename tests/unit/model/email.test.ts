import { describe, expect, test } from "vitest";
import { checkEmail, emailProblem, isValidEmail } from "../../../src/simulator/model/email.ts";

describe("e-mail address rule", () => {
	test.each([
		"anna.schmidt@sonnenkorn-backwaren.de",
		"a@b.io",
		"first+tag@sub.example.co.uk",
		"o'neill@example.com",
		"it-service@xn--mller-kva.de",
		"x@xn--p1ai.xn--p1ai",
		"UPPER@EXAMPLE.COM",
	])("accepts %s", (address) => {
		expect(emailProblem(address)).toBeNull();
		expect(isValidEmail(address)).toBe(true);
	});

	test.each([
		["", "required"],
		["anna schmidt@example.de", "email-spaces"],
		["anna@exa mple.de", "email-spaces"],
		["anna\t@example.de", "email-spaces"],
		["jürgen@example.de", "email-non-ascii"],
		["anna@müller.de", "email-non-ascii"],
		["anna.example.de", "email-at-sign"],
		["anna@@example.de", "email-at-sign"],
		["anna@b@example.de", "email-at-sign"],
		["@example.de", "email-local-part"],
		[".anna@example.de", "email-local-part"],
		["anna.@example.de", "email-local-part"],
		["an..na@example.de", "email-local-part"],
		["an(na)@example.de", "email-local-part"],
		["anna@", "email-domain"],
		["anna@.de", "email-domain"],
		["anna@-example.de", "email-domain"],
		["anna@example..de", "email-domain"],
		["anna@example.de.", "email-domain"],
		["anna@example", "email-tld"],
		["anna@localhost", "email-tld"],
		["anna@example.d", "email-tld"],
		["anna@example.123", "email-tld"],
		[`${"a".repeat(65)}@example.de`, "email-too-long"],
		[`a@${`${"b".repeat(60)}.`.repeat(5)}de`, "email-too-long"],
	])("refuses %j with %s", (address, problem) => {
		expect(emailProblem(address)).toBe(problem);
	});

	test("form fields are trimmed and stored in lower case", () => {
		expect(checkEmail("  Anna.Schmidt@Example.DE \n", "email")).toBe("anna.schmidt@example.de");
	});

	test("a refused form field names the field", () => {
		expect(checkEmail("anna schmidt@example.de", "contactEmail")).toEqual({
			code: "email-spaces",
			field: "contactEmail",
		});
	});
});
