import { canonicalRoles, type RoleId } from "../model/roles.ts";
import { labelSize } from "../process/checks.ts";
import type { Translate } from "../text/locale.ts";
import { addressOf, contactOf, personByKey } from "./people.ts";
import type { Scenario } from "./schema.ts";

/**
 * The requirements table under a brief: everything the grader checks, in the page's language,
 * rendered from the scenario data so it cannot say less than the grader wants. Names that live in
 * the customer's account (labels, configurations, integrations, printers, data fields) are `verbatim`:
 * the same in both languages, to be typed exactly as shown.
 */

export interface RequirementCell {
	/** One value, or several (data fields, access roles, recipients), each shown on its own. */
	readonly values: readonly string[];
	/** A name to type exactly as shown, in any language of the page. */
	readonly verbatim?: boolean;
}

export const requirementSections = [
	"account",
	"labels",
	"configurations",
	"integrations",
	"users",
	"handover",
	"recipients",
] as const;
export type RequirementSectionId = (typeof requirementSections)[number];

export interface RequirementSection {
	readonly id: RequirementSectionId;
	readonly title: string;
	readonly columns: readonly string[];
	readonly rows: readonly (readonly RequirementCell[])[];
}

const text = (...values: string[]): RequirementCell => ({ values });
const name = (...values: string[]): RequirementCell => ({ values, verbatim: true });

export function requirementTable(s: Scenario, t: Translate): RequirementSection[] {
	// Column and row labels are the labels of the fields the trainee fills in.
	const field = (key: string) => t(`fields.${key}`);
	const col = (key: string) => t(`ui.requirements.columns.${key}`);
	const section = (
		id: RequirementSectionId,
		columns: readonly string[],
		rows: readonly (readonly RequirementCell[])[],
	): RequirementSection => ({ id, title: t(`ui.requirements.sections.${id}`), columns, rows });
	const roles = (ids: readonly RoleId[]) =>
		text(...canonicalRoles(ids).map((r) => t(`roles.${r}.name`)));
	const contact = contactOf(s);

	// A section with no rows (a scenario without integrations, say) is left out.
	const sections = [
		section(
			"account",
			[col("item"), col("value")],
			[
				[text(field("accountName")), name(s.customer.accountName)],
				[text(field("contactEmail")), text(s.partner.email)],
				[text(field("forCustomer")), text(t("ui.requirements.yes"))],
				[text(field("customerName")), name(s.customer.company)],
			],
		),
		section(
			"labels",
			[field("name"), col("size"), field("printer"), field("fields")],
			s.labels.map((l) => [
				name(l.name),
				text(labelSize(l.widthMm, l.heightMm)),
				name(l.printer),
				name(...l.fields),
			]),
		),
		section(
			"configurations",
			[field("name"), field("trigger"), field("labelId"), col("status")],
			s.configurations.map((c) => [
				name(c.name),
				text(t(`triggers.${c.trigger}`)),
				name(c.label),
				text(c.started ? t("configurationStatus.started") : t("ui.requirements.anyStatus")),
			]),
		),
		section(
			"integrations",
			[field("name"), field("kind"), field("configurationId")],
			s.integrations.map((i) => [
				name(i.name),
				text(t(`integrationKinds.${i.kind}`)),
				i.configuration === null ? text(t("ui.requirements.none")) : name(i.configuration),
			]),
		),
		section(
			"users",
			[col("person"), field("email"), field("roles")],
			s.users.flatMap((u) => {
				const p = personByKey(s, u.person);
				return p === undefined
					? []
					: [[text(`${p.firstName} ${p.lastName}`), text(p.email), roles(u.roles)]];
			}),
		),
		section(
			"handover",
			[col("person"), field("email"), field("roles")],
			[
				[
					text(`${contact.firstName} ${contact.lastName}`),
					text(contact.email),
					roles(s.customer.contactRoles),
				],
				// The partner's own end state is graded too, so the table states it.
				[
					text(t("ui.requirements.you", { name: `${s.partner.firstName} ${s.partner.lastName}` })),
					text(s.partner.email),
					roles(["service-provider"]),
				],
			],
		),
		section(
			"recipients",
			[field("email")],
			s.recipients.map((key) => [text(addressOf(s, key) ?? "")]),
		),
	];
	return sections.filter((section) => section.rows.length > 0);
}
