import type { ProofProblem, ProofResult } from "../../simulator/proofs/prove.ts";
import type { Draft } from "../../simulator/scenarios/draft.ts";
import type { Translate } from "../../simulator/text/locale.ts";

/**
 * What the editor's page shows of a draft's proofs: each problem in the trainer's language at the
 * control it belongs to, and in the proof panel with a link to that control.
 */

/** The id of the control named `labels.2.printer`: `f-labels-2-printer`. */
export const fieldId = (name: string): string => `f-${name.replaceAll(".", "-")}`;

/** Lists of plain values whose problems belong to the list's control as a whole. */
const valueLists = new Set(["recipients", "contactRoles", "roles", "fields"]);

/** The control a problem's path belongs to: `labels.0.fields` also for its third data field. */
export function fieldOfPath(path: readonly (string | number)[]): string {
	const last = path.length - 1;
	const trimmed =
		typeof path[last] === "number" && valueLists.has(String(path[last - 1]))
			? path.slice(0, -1)
			: path;
	return trimmed.join(".");
}

/** A problem in the trainer's language; one the texts do not know yet says it in English. */
export function problemText(t: Translate, problem: ProofProblem): string {
	const key = `trainer.scenarios.problems.${problem.code}`;
	const text = t(key, problem.values);
	return text === key
		? t("trainer.scenarios.problems.unknown", { message: problem.message })
		: text;
}

export interface ShownProblem {
	readonly field: string;
	readonly text: string;
	/** Where it is, for the proof panel: "Label template 3 – Width (mm)". */
	readonly where: string;
}

/** The form's problems (the schema proof's), by control, in the trainer's language. */
export function formProblems(result: ProofResult, t: Translate): ShownProblem[] {
	return (result.proofs[0]?.problems ?? []).map((p) => {
		const field = fieldOfPath(p.path);
		return { field, text: problemText(t, p), where: fieldLabel(field, t) };
	});
}

/** The editor's label of a control and the row or section it is in, in the trainer's language. */
export function fieldLabel(field: string, t: Translate): string {
	const s = (key: string, params?: Record<string, unknown>) =>
		t(`trainer.scenarios.${key}`, params);
	const parts = field.split(".");
	const [head = "", second = "", third = ""] = parts;
	const label = (name: string) => {
		const known: Record<string, string> = {
			kind: "integrationKind",
			contactRoles: "roles",
			before: "before",
			do: "change",
		};
		const key =
			head === "integrations" && name === "kind" ? "integrationKind" : (known[name] ?? name);
		const text = s(`fields.${key}`, { min: 1, max: 5 });
		return text === `trainer.scenarios.fields.${key}` ? name : text;
	};
	const join = (...pieces: string[]) => pieces.filter((p) => p !== "").join(" – ");
	if (head === "texts") return join(s(`languages.${second}`), third === "" ? "" : label(third));
	if (head === "situation" && second === "then") {
		return join(
			s("row", { item: s("items.then"), number: Number(third) + 1 }),
			label(parts[3] ?? ""),
		);
	}
	if (/^\d+$/.test(second)) {
		return join(s("row", { item: s(`items.${head}`), number: Number(second) + 1 }), label(third));
	}
	const sections: Record<string, string> = {
		kind: "kind",
		difficulty: "kind",
		situation: "kind",
		partner: "partner",
		customer: second === "contact" || second === "contactRoles" ? "contact" : "customer",
		recipients: "recipients",
		texts: "texts",
	};
	const section = s(`sections.${sections[head] ?? head}`);
	return join(section, second === "" ? "" : label(second));
}

/** The names of the controls the editor shows for a draft, to link a problem to its control. */
export function controlNames(draft: Draft): Set<string> {
	const names = new Set<string>([
		"kind",
		"difficulty",
		"situation.before",
		"partner.firstName",
		"partner.lastName",
		"partner.email",
		"partner.company",
		"customer.company",
		"customer.shortName",
		"customer.domain",
		"customer.accountName",
		"customer.contact",
		"customer.contactRoles",
		"recipients",
	]);
	for (const l of ["de", "en"])
		for (const f of ["title", "summary", "brief"]) names.add(`texts.${l}.${f}`);
	const rows: [string, number, readonly string[]][] = [
		["situation.then", draft.situation.then.length, ["do", "roles"]],
		["people", draft.people.length, ["key", "firstName", "lastName", "email"]],
		["mailboxes", draft.mailboxes.length, ["key", "email"]],
		["labels", draft.labels.length, ["name", "widthMm", "heightMm", "printer", "fields"]],
		["configurations", draft.configurations.length, ["name", "trigger", "label"]],
		["integrations", draft.integrations.length, ["name", "kind", "configuration"]],
		["users", draft.users.length, ["person", "roles"]],
	];
	for (const [list, count, fields] of rows) {
		for (let i = 0; i < count; i++) for (const f of fields) names.add(`${list}.${i}.${f}`);
	}
	return names;
}

/** Where the panel's link for a problem goes: its control, else the section it belongs to. */
export function anchorOf(field: string, controls: ReadonlySet<string>): string {
	if (controls.has(field)) return `#${fieldId(field)}`;
	const section = field.split(".")[0] ?? "";
	const sections: Record<string, string> = {
		texts: "texts",
		situation: "kind",
		kind: "kind",
		difficulty: "kind",
		partner: "partner",
		customer: "customer",
		people: "people",
		mailboxes: "mailboxes",
		labels: "labels",
		configurations: "configurations",
		integrations: "integrations",
		users: "users",
		recipients: "recipients",
	};
	return `#section-${sections[section] ?? "kind"}`;
}
