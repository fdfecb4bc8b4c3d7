import { describe, expect, test } from "vitest";
import { translator } from "../../../../src/i18n/translator.ts";
import { describeDetails } from "../../../../src/server/trainer/audit-details.ts";

describe("an audit entry's details as a trainer reads them", () => {
	test("ids are worded in the reader's language; names, numbers and unknown keys stay", () => {
		const details = { method: "oidc", reason: "not-invited", rows: 3, owner: "ben@example.com" };
		expect(describeDetails(details, translator("de"))).toBe(
			"Verfahren: Anmeldedienst, Grund: nicht eingeladen, Zeilen: 3, neuer Besitzer: ben@example.com",
		);
		expect(describeDetails(details, translator("en"))).toBe(
			"method: sign-in service, reason: not invited, rows: 3, new owner: ben@example.com",
		);
		expect(describeDetails({ role: "admin", other: "x" }, translator("de"))).toBe(
			"Rolle: Administrator, other: x",
		);
	});
});
