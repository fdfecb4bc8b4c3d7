import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import de from "../../../src/i18n/de.json" with { type: "json" };
import en from "../../../src/i18n/en.json" with { type: "json" };
import { createTranslator } from "../../../src/i18n/i18n-core.ts";
import { attemptEventSchema } from "../../../src/simulator/attempt/schema.ts";
import { isValidEmail } from "../../../src/simulator/model/email.ts";
import { replay } from "../../../src/simulator/model/replay.ts";
import { stepIds } from "../../../src/simulator/process/steps.ts";
import {
	getScenario,
	listScenarios,
	briefPlaceholderNames,
	briefPlaceholders,
	renderBrief,
	scenarioFiles,
	scenarioSchema,
	scenarios,
	solve,
	startAt,
	startState,
	variant,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";

const translators = { de: createTranslator(de), en: createTranslator(en) } as const;
import { firstNames } from "../../../src/simulator/scenarios/names.ts";
import { personLocalPart, slug } from "../../../src/simulator/scenarios/slug.ts";

/** Scenarios that start before the order; exercises start from their reference solution. */
const fromScratch = scenarios.filter((s) => s.situation === undefined);

const folder = new URL("../../../src/content/scenarios/", import.meta.url);

function addresses(s: Scenario): string[] {
	return [s.partner.email, ...s.people.map((p) => p.email), ...s.mailboxes.map((m) => m.email)];
}

describe("scenario registry", () => {
	test("loads every file in src/content/scenarios, each named after its id", () => {
		const files = readdirSync(folder)
			.filter((f) => f.endsWith(".json"))
			.map((f) => f.replace(/\.json$/, ""))
			.sort();
		expect([...scenarios.map((s) => s.id)].sort()).toEqual(files);
		expect(listScenarios()).toBe(scenarios);
		expect(getScenario("first-handover")?.difficulty).toBe(1);
		expect(getScenario("nope")).toBeUndefined();
	});

	test("at least four scenarios of rising difficulty, the hardest with everything", () => {
		const staging = scenarios.filter((s) => (s.kind ?? "staging") === "staging");
		const levels = staging.map((s) => s.difficulty);
		expect(levels.length).toBeGreaterThanOrEqual(4);
		expect(new Set(levels).size).toBe(levels.length);
		expect([...levels].sort((a, b) => a - b)).toEqual(levels);
		const [easiest] = staging;
		const hardest = staging.at(-1)!;
		expect(easiest?.labels).toHaveLength(1);
		expect(easiest?.people).toHaveLength(1);
		expect(hardest.integrations.length).toBeGreaterThan(1);
		expect(new Set(hardest.users.flatMap((u) => u.roles)).size).toBeGreaterThan(2);
		expect(hardest.recipients).toHaveLength(3);
		expect(new Set(scenarios.flatMap((s) => s.integrations.map((i) => i.kind)))).toEqual(
			new Set(["database", "cloud-api", "sftp", "sap-glm", "oracle-ebs"]),
		);
	});

	test.each(scenarios)(
		"$id: title, summary and brief in both languages, placeholders known",
		(s) => {
			const allowed = new Set<string>([
				...briefPlaceholders,
				...[...s.people, ...s.mailboxes].flatMap((p) => [`name.${p.key}`, `email.${p.key}`]),
			]);
			for (const messages of [de, en]) {
				const texts = (messages.scenarios as Record<string, Record<string, string>>)[s.id];
				expect(Object.keys(texts ?? {}).sort()).toEqual(["brief", "summary", "title"]);
				for (const name of briefPlaceholderNames(texts?.["brief"] ?? "")) {
					expect(allowed.has(name), name).toBe(true);
				}
			}
		},
	);

	test("every scenario text belongs to a scenario", () => {
		expect(Object.keys(de.scenarios).sort()).toEqual(scenarios.map((s) => s.id).sort());
		expect(Object.keys(en.scenarios).sort()).toEqual(scenarios.map((s) => s.id).sort());
	});

	test.each(scenarios)("$id: brief in German and English with every placeholder filled", (s) => {
		for (const seed of [0, 3]) {
			const v = variant(s, seed);
			for (const locale of ["de", "en"] as const) {
				const text = renderBrief(v, locale, translators[locale]);
				expect(text).not.toMatch(/\{\{|\}\}/);
				expect(text).toContain(v.customer.company);
				// The contact's address is in the requirements table (tested with the fairness test).
				const contact = v.people.find((p) => p.key === v.customer.contact)!;
				expect(text).toContain(`${contact.firstName} ${contact.lastName}`);
			}
		}
	});
});

describe("scenario schema", () => {
	const base = getScenario("warehouse-integrations")!;
	const broken = (edit: (s: Scenario) => void) => {
		const copy = structuredClone(base) as Scenario;
		edit(copy);
		return scenarioSchema.safeParse(copy);
	};

	test("accepts the files exactly as written, so the registry can use them unparsed", () => {
		for (const file of scenarioFiles) expect(scenarioSchema.parse(file)).toStrictEqual(file);
	});

	test.each<[string, (s: Scenario) => void]>([
		[
			"a configuration printing an unknown label",
			(s) => (s.configurations[0]!.label = "Gibt es nicht"),
		],
		[
			"an integration feeding an unknown configuration",
			(s) => (s.integrations[0]!.configuration = "X"),
		],
		["a contact who is not a person", (s) => (s.customer.contact = "it")],
		["a contact without Administration", (s) => (s.customer.contactRoles = ["author"])],
		["a contact missing from the recipients", (s) => (s.recipients = ["it"])],
		["an unknown recipient", (s) => s.recipients.push("nobody")],
		[
			"the contact among the prepared users",
			(s) => s.users.push({ person: "katrin", roles: ["author"] }),
		],
		["an address outside the customer domain", (s) => (s.people[1]!.email = "mirko@gmail.com")],
		["an upper-case address", (s) => (s.people[1]!.email = "Mirko.Albers@nordhafen-logistik.de")],
		["a duplicate address", (s) => (s.people[2]!.email = s.people[1]!.email)],
		["the partner at the customer domain", (s) => (s.partner.email = "p@nordhafen-logistik.de")],
		["a company without its short name", (s) => (s.customer.company = "Hafen GmbH")],
		["a domain not starting with the short name", (s) => (s.customer.domain = "hafen.de")],
		["duplicate label names", (s) => (s.labels[1]!.name = "VERSANDETIKETT")],
		["an over-long label name", (s) => (s.labels[0]!.name = "x".repeat(101))],
		["a label size out of range", (s) => (s.labels[0]!.widthMm = 5)],
	])("rejects %s", (_name, edit) => {
		expect(broken(edit).success).toBe(false);
	});
});

describe("seeded variants", () => {
	test("seed 0 is the scenario as written", () => {
		for (const s of scenarios) expect(variant(s, 0)).toEqual({ ...s, seed: 0 });
	});

	test("the same seed always gives the same variant", () => {
		for (const s of scenarios) expect(variant(s, 42)).toEqual(variant(s, 42));
	});

	test("different seeds and scenarios give different details", () => {
		for (const s of scenarios) {
			const companies = new Set(
				Array.from({ length: 30 }, (_, i) => variant(s, i + 1).customer.company),
			);
			const contacts = new Set(
				Array.from({ length: 30 }, (_, i) => variant(s, i + 1).people[0]!.email),
			);
			expect(companies.size).toBeGreaterThan(10);
			expect(contacts.size).toBeGreaterThan(25);
		}
		const [a, b] = scenarios;
		expect(
			variant(a!, 5).people[0]!.lastName === variant(b!, 5).people[0]!.lastName &&
				variant(a!, 5).partner.email === variant(b!, 5).partner.email,
		).toBe(false);
	});

	test.each(scenarios)(
		"$id: 200 variants are valid scenarios with unique, valid addresses",
		(s) => {
			for (let seed = 1; seed <= 200; seed++) {
				const v = variant(s, seed);
				expect(scenarioSchema.safeParse(v).success, `seed ${seed}`).toBe(true);
				const all = addresses(v);
				expect(new Set(all).size).toBe(all.length);
				expect(all.every(isValidEmail)).toBe(true);
				expect(v.seed).toBe(seed);
				// requirements do not vary
				expect(v.labels).toEqual(s.labels);
				expect(v.users.map((u) => u.roles)).toEqual(s.users.map((u) => u.roles));
			}
		},
	);

	test("German and international names both occur", () => {
		const german = new Set([
			"Anna",
			"Jonas",
			"Lena",
			"Lukas",
			"Jürgen",
			"Käthe",
			"Björn",
			"Sören",
			"Jörg",
		]);
		const names = Array.from({ length: 60 }, (_, i) => variant(scenarios[3]!, i + 1)).flatMap((v) =>
			v.people.map((p) => p.firstName),
		);
		expect(names.some((n) => german.has(n))).toBe(true);
		expect(names.some((n) => !german.has(n) && firstNames.includes(n))).toBe(true);
		expect(names.some((n) => /[^ -~]/.test(n))).toBe(true);
	});

	test("names become plain ASCII addresses the way a company would spell them", () => {
		expect(personLocalPart("Jürgen", "Weiß")).toBe("juergen.weiss");
		expect(personLocalPart("Zoë", "O'Brien")).toBe("zoe.obrien");
		expect(personLocalPart("Thi Lan", "van der Berg")).toBe("thi-lan.van-der-berg");
		expect(personLocalPart("Łukasz", "Yılmaz")).toBe("lukasz.yilmaz");
		expect(personLocalPart("Małgorzata", "Øberg")).toBe("malgorzata.oberg");
		expect(slug("Weißenfels & Söhne")).toBe("weissenfels-soehne");
		expect(slug("Çelik")).toBe("celik");
		expect(slug("Østergaard")).toBe("ostergaard");
	});

	test("variants are rejected for invalid seeds", () => {
		expect(() => variant(scenarios[0]!, -1)).toThrow(RangeError);
		expect(() => variant(scenarios[0]!, 1.5)).toThrow(RangeError);
	});
});

describe("reference solution and start points", () => {
	test.each(scenarios)(
		"$id: solve is deterministic and every event is a valid, accepted attempt event",
		(s) => {
			const events = solve(s, 9);
			expect(solve(s, 9)).toEqual(events);
			for (const e of events) {
				expect(attemptEventSchema.safeParse(e).success).toBe(true);
				expect(e.outcome).toBe("ok");
			}
			expect(solve(s, 10)).not.toEqual(events);
		},
	);

	test.each(fromScratch)("$id: each start point is the reference replayed up to that step", (s) => {
		const full = solve(s, 4);
		for (const step of stepIds) {
			const point = startAt(s, 4, step);
			expect(point.scenario).toEqual(variant(s, 4));
			expect(full.slice(0, point.prefix.length)).toEqual(point.prefix);
			expect(replay(startState(point.scenario), point.prefix).state).toEqual(point.state);
		}
		expect(startAt(s, 4).prefix).toEqual([]);
		expect(startAt(s, 4, "order-account").state).toEqual(startState(variant(s, 4)));
		expect(startAt(s, 4, "grant-administration")).toEqual(startAt(s, 4, "invite-guest-user"));
		expect(startAt(s, 4, "send-invitation")).toEqual(startAt(s, 4, "invite-guest-user"));
		const handover = startAt(s, 4, "transfer-ownership").state;
		expect(handover.users.find((u) => u.id === handover.signedInUserId)?.roles).toEqual([
			"administration",
		]);
		const notifications = startAt(s, 4, "set-up-notifications").state;
		expect(notifications.users.find((u) => u.id === notifications.signedInUserId)?.roles).toEqual([
			"service-provider",
		]);
		expect(startAt(s, 4, "edit-notification-recipients")).toEqual(
			startAt(s, 4, "set-up-notifications"),
		);
	});
});
