import * as z from "zod/mini";
import { emailProblem } from "../model/email.ts";
import { limits } from "../model/limits.ts";
import { roleIdSchema } from "../model/roles.ts";
import { leafStepIds, type LeafStepId } from "../process/steps.ts";
import { integrationKinds, triggers } from "../model/vocabulary.ts";
import { nameKey } from "../model/text.ts";
import { locales } from "../text/locale.ts";
import { slug } from "./slug.ts";

/**
 * A training scenario: the customer, the partner (the trainee's identity), and what the account must
 * look like after staging. Scenario files in `src/content/scenarios/*.json` follow this schema; the same
 * schema backs the Astro content collection. Names of labels, configurations and integrations are
 * compared ignoring letter case and surrounding spaces.
 */

const key = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, "keys are lower-case kebab-case"));
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const scenarioPersonSchema = z.object({
	key,
	firstName: text(limits.personName),
	lastName: text(limits.personName),
	email: z.string(),
});

/** A shared mailbox of the customer (e.g. the IT service desk); variants change only its domain. */
export const scenarioMailboxSchema = z.object({ key, email: z.string() });

export const scenarioLabelSchema = z.object({
	name: text(limits.labelName),
	widthMm: z.int().check(z.minimum(limits.labelSizeMinMm), z.maximum(limits.labelSizeMaxMm)),
	heightMm: z.int().check(z.minimum(limits.labelSizeMinMm), z.maximum(limits.labelSizeMaxMm)),
	printer: text(limits.printer),
	fields: z.array(text(limits.dataField)).check(z.maxLength(limits.dataFields)),
});

export const scenarioConfigurationSchema = z.object({
	name: text(limits.configurationName),
	trigger: z.enum(triggers),
	/** Name of the label template the configuration prints. */
	label: z.string(),
	/** True if the configuration must be Started at the end; false accepts either status. */
	started: z.boolean(),
});

export const scenarioIntegrationSchema = z.object({
	name: text(limits.integrationName),
	kind: z.enum(integrationKinds),
	/** Name of the configuration the integration feeds; null if it need not feed one. */
	configuration: z.nullable(z.string()),
});

export const scenarioUserSchema = z.object({
	person: key,
	roles: z.array(roleIdSchema).check(z.minLength(1)),
});

/**
 * What already happened when the trainee takes over (recovery and judgement scenarios): the
 * reference solution up to a step, then the changes listed, in order. Without it an attempt starts
 * before the order, with an empty account.
 */
export const situationChangeSchema = z.discriminatedUnion("do", [
	/** The customer contact is invited, with these roles, and with a mistyped address if `typo`. */
	z.object({
		do: z.literal("invite-contact"),
		roles: z.array(roleIdSchema).check(z.minLength(1)),
		typo: z.optional(z.boolean()),
	}),
	/** The partner changes their own role from Administration to Service Provider. */
	z.object({ do: z.literal("step-down") }),
]);

export const situationSchema = z.object({
	/** The reference solution is replayed up to (not including) this step. */
	before: z.enum(leafStepIds as unknown as [LeafStepId, ...LeafStepId[]]),
	then: z.array(situationChangeSchema),
});

/**
 * Placeholders a brief may use, besides `name.<key>` and `email.<key>` for people and mailboxes.
 * A built-in scenario's title, summary and brief are texts like any other: `scenarios.<id>.*` in
 * the i18n files, so the browser bundles only its own language (a unit test checks the
 * placeholders). A trainer's own scenario carries them itself, in `texts`.
 */
export const briefPlaceholders = [
	"company",
	"accountName",
	"contactName",
	"contactEmail",
	"partnerName",
	"partnerEmail",
	"partnerCompany",
] as const;

/**
 * A trainer's scenario's words in one language. The brief is plain text: paragraphs separated by a
 * blank line, and the placeholders above for every name a variant changes; it is shown as text
 * everywhere, never as markup.
 */
export const scenarioTextsSchema = z.object({
	title: text(120),
	summary: text(300),
	brief: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000)),
});

const scenarioObjectSchema = z.object({
	id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
	/** 1 (first steps) to 5 (expert); the registry lists scenarios by it. */
	difficulty: z.int().check(z.minimum(1), z.maximum(5)),
	/** Staging from scratch (the default), putting a mistake right, or a decision to make. */
	kind: z.optional(z.enum(["staging", "recovery", "judgement"])),
	/** Where the trainee takes over; absent: before the order. */
	situation: z.optional(situationSchema),
	/** The variant seed, set by `variant()`; absent in scenario files. */
	seed: z.optional(z.int().check(z.minimum(0))),
	partner: z.object({
		firstName: text(limits.personName),
		lastName: text(limits.personName),
		email: z.string(),
		company: text(limits.customerName),
	}),
	customer: z.object({
		company: text(limits.customerName),
		/** The distinctive part of the company name; variants replace it, and an order note naming it counts. */
		shortName: text(40),
		domain: z.string(),
		accountName: text(limits.accountName),
		/** Key of the person who receives the invitation and Administration. */
		contact: key,
		/** The roles the contact is invited with. */
		contactRoles: z.array(roleIdSchema).check(z.minLength(1)),
	}),
	people: z.array(scenarioPersonSchema).check(z.minLength(1)),
	mailboxes: z.array(scenarioMailboxSchema),
	labels: z.array(scenarioLabelSchema),
	configurations: z.array(scenarioConfigurationSchema),
	integrations: z.array(scenarioIntegrationSchema),
	/** Users to add during preparation (people other than the contact) with their access roles. */
	users: z.array(scenarioUserSchema),
	/** Keys of the people and mailboxes that must receive Loftware Cloud notifications. */
	recipients: z.array(key).check(z.minLength(1), z.maxLength(limits.recipients)),
	/**
	 * A trainer's own scenario: its title, summary and brief in each language it is offered in.
	 * Absent in the built-in files, whose texts are in the i18n files.
	 */
	texts: z.optional(
		z.object({ de: z.optional(scenarioTextsSchema), en: z.optional(scenarioTextsSchema) }),
	),
});

type ScenarioShape = z.infer<typeof scenarioObjectSchema>;

function checkScenario(s: ScenarioShape, ctx: z.core.$RefinementCtx<ScenarioShape>): void {
	// Each problem has a stable code and its values, so the editor can say it in the trainer's
	// language (`scenarioProblems.<problem>`); the English message is for files and the CLI.
	const issue = (
		message: string,
		path: (string | number)[],
		problem: ScenarioProblem,
		values: Record<string, string> = {},
	) => ctx.addIssue({ code: "custom", message, path, params: { problem, ...values } });

	const keys = new Set<string>();
	const addresses = new Set<string>();
	const checkAddress = (email: string, path: (string | number)[], domain: string | null) => {
		const problem = emailProblem(email);
		if (problem !== null || email !== email.toLowerCase()) {
			issue(
				`invalid or not lower-case e-mail address (${problem ?? "upper case"})`,
				path,
				problem === null ? "address-upper-case" : "address-invalid",
				{ address: email },
			);
			// An address that is not one cannot be at a domain or taken twice; one problem is enough.
			if (problem !== null) return;
		}
		if (addresses.has(email))
			issue(`e-mail address ${email} used twice`, path, "address-twice", { address: email });
		addresses.add(email);
		if (domain !== null && !email.endsWith(`@${domain}`)) {
			issue(`address must be at the customer domain ${domain}`, path, "address-not-at-domain", {
				address: email,
				domain,
			});
		}
	};
	checkAddress(s.partner.email, ["partner", "email"], null);
	if (s.partner.email.endsWith(`@${s.customer.domain}`)) {
		issue(
			"the partner must not use the customer's domain",
			["partner", "email"],
			"partner-at-customer-domain",
		);
	}
	s.people.forEach((p, i) => {
		if (keys.has(p.key))
			issue(`duplicate key ${p.key}`, ["people", i, "key"], "key-twice", { key: p.key });
		keys.add(p.key);
		checkAddress(p.email, ["people", i, "email"], s.customer.domain);
	});
	s.mailboxes.forEach((m, i) => {
		if (keys.has(m.key))
			issue(`duplicate key ${m.key}`, ["mailboxes", i, "key"], "key-twice", { key: m.key });
		keys.add(m.key);
		checkAddress(m.email, ["mailboxes", i, "email"], s.customer.domain);
	});

	const people = new Set(s.people.map((p) => p.key));
	if (!people.has(s.customer.contact))
		issue("the contact must be a person", ["customer", "contact"], "contact-unknown");
	if (!s.customer.contactRoles.includes("administration")) {
		issue(
			"the contact must receive Administration",
			["customer", "contactRoles"],
			"contact-without-administration",
		);
	}
	if (!s.customer.company.includes(s.customer.shortName)) {
		issue(
			"the company name must contain the short name",
			["customer", "shortName"],
			"short-name-not-in-company",
		);
	}
	const stem = slug(s.customer.shortName);
	if (stem.length === 0 || !s.customer.domain.startsWith(stem)) {
		issue(
			`the domain must start with "${stem}"`,
			["customer", "domain"],
			"domain-not-from-short-name",
			{ stem },
		);
	}
	if (emailProblem(`x@${s.customer.domain}`) !== null) {
		issue("invalid customer domain", ["customer", "domain"], "domain-invalid");
	}
	if (!s.customer.accountName.includes(stem)) {
		issue(
			`the account name must contain "${stem}"`,
			["customer", "accountName"],
			"account-name-not-from-short-name",
			{ stem },
		);
	}

	const unique = (names: readonly string[], path: string) => {
		const seen = new Set<string>();
		names.forEach((n, i) => {
			if (seen.has(nameKey(n)))
				issue(`duplicate name ${n}`, [path, i, "name"], "name-twice", { name: n });
			seen.add(nameKey(n));
		});
		return seen;
	};
	const labels = unique(
		s.labels.map((l) => l.name),
		"labels",
	);
	const configurations = unique(
		s.configurations.map((c) => c.name),
		"configurations",
	);
	unique(
		s.integrations.map((i) => i.name),
		"integrations",
	);
	s.labels.forEach((l, i) => {
		if (new Set(l.fields.map(nameKey)).size !== l.fields.length) {
			issue("duplicate data field", ["labels", i, "fields"], "data-field-twice");
		}
	});
	s.configurations.forEach((c, i) => {
		if (!labels.has(nameKey(c.label))) {
			issue(`unknown label ${c.label}`, ["configurations", i, "label"], "label-unknown", {
				name: c.label,
			});
		}
	});
	s.integrations.forEach((c, i) => {
		if (c.configuration !== null && !configurations.has(nameKey(c.configuration))) {
			issue(
				`unknown configuration ${c.configuration}`,
				["integrations", i, "configuration"],
				"configuration-unknown",
				{
					name: c.configuration,
				},
			);
		}
	});

	const users = new Set<string>();
	s.users.forEach((u, i) => {
		if (!people.has(u.person))
			issue(`unknown person ${u.person}`, ["users", i, "person"], "person-unknown", {
				key: u.person,
			});
		if (u.person === s.customer.contact)
			issue("the contact is invited, not added", ["users", i, "person"], "contact-as-user");
		if (users.has(u.person))
			issue(`user ${u.person} listed twice`, ["users", i, "person"], "user-twice", {
				key: u.person,
			});
		users.add(u.person);
	});
	const recipients = new Set<string>();
	s.recipients.forEach((r, i) => {
		if (!keys.has(r))
			issue(`unknown recipient ${r}`, ["recipients", i], "recipient-unknown", { key: r });
		if (recipients.has(r))
			issue(`recipient ${r} listed twice`, ["recipients", i], "recipient-twice", { key: r });
		recipients.add(r);
	});
	if (!recipients.has(s.customer.contact)) {
		issue("the contact must receive notifications", ["recipients"], "contact-not-recipient");
	}
	checkTexts(s, issue);
}

/** The problems a scenario's own checks find, each said in both languages by the editor. */
export const scenarioProblems = [
	"address-invalid",
	"address-upper-case",
	"address-twice",
	"address-not-at-domain",
	"partner-at-customer-domain",
	"key-twice",
	"contact-unknown",
	"contact-without-administration",
	"short-name-not-in-company",
	"domain-not-from-short-name",
	"domain-invalid",
	"account-name-not-from-short-name",
	"name-twice",
	"data-field-twice",
	"label-unknown",
	"configuration-unknown",
	"person-unknown",
	"contact-as-user",
	"user-twice",
	"recipient-unknown",
	"recipient-twice",
	"contact-not-recipient",
	"texts-none",
	"placeholder-unknown",
] as const;
export type ScenarioProblem = (typeof scenarioProblems)[number];

type Issue = (
	message: string,
	path: (string | number)[],
	problem: ScenarioProblem,
	values?: Record<string, string>,
) => void;

/** A trainer's texts: at least one language, and only placeholders the scenario can fill. */
function checkTexts(s: ScenarioShape, issue: Issue): void {
	if (s.texts === undefined) return;
	const known = new Set<string>(briefPlaceholders);
	for (const p of [...s.people, ...s.mailboxes]) {
		known.add(`name.${p.key}`);
		known.add(`email.${p.key}`);
	}
	let any = false;
	for (const locale of locales) {
		const texts = s.texts[locale];
		if (texts === undefined) continue;
		any = true;
		for (const [, name] of texts.brief.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
			if (!known.has(name ?? "")) {
				issue(
					`unknown placeholder {{${name}}}`,
					["texts", locale, "brief"],
					"placeholder-unknown",
					{
						placeholder: name ?? "",
					},
				);
			}
		}
	}
	if (!any) issue("a title, summary and brief in at least one language", ["texts"], "texts-none");
}

/**
 * The scenario's own checks run also when some values are out of range (an empty name, a role list
 * left empty, a size that is not a number), so an editor sees every problem at once; they wait only
 * for a shape they cannot walk (a list that is not a list, a name missing).
 */
const walkable = (payload: {
	readonly issues: readonly { readonly code?: string; readonly expected?: string }[];
}) =>
	payload.issues.every(
		(i) =>
			i.code !== "invalid_union" &&
			(i.code !== "invalid_type" || ["number", "int", "boolean"].includes(i.expected ?? "")),
	);

export const scenarioSchema = scenarioObjectSchema.check(
	z.superRefine(checkScenario, { when: walkable }),
);

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioPerson = z.infer<typeof scenarioPersonSchema>;
export type ScenarioLabel = z.infer<typeof scenarioLabelSchema>;
export type ScenarioConfiguration = z.infer<typeof scenarioConfigurationSchema>;
export type ScenarioIntegration = z.infer<typeof scenarioIntegrationSchema>;
export type ScenarioUser = z.infer<typeof scenarioUserSchema>;
export type Situation = z.infer<typeof situationSchema>;
export type SituationChange = z.infer<typeof situationChangeSchema>;
export type ScenarioTexts = z.infer<typeof scenarioTextsSchema>;
