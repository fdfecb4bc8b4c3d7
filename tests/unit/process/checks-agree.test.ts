import { describe, expect, test } from "vitest";
import { replay } from "../../../src/simulator/model/replay.ts";
import { roleIds } from "../../../src/simulator/model/roles.ts";
import type { State } from "../../../src/simulator/model/state.ts";
import { nameKey } from "../../../src/simulator/model/text.ts";
import {
	configurationDifferences,
	configurationProblem,
	differenceAspects,
	integrationDifferences,
	integrationProblem,
	labelDifferences,
	labelProblem,
	userDifferences,
	userProblem,
	type Difference,
	type DifferenceAspect,
	type ItemProblem,
} from "../../../src/simulator/process/checks.ts";
import {
	requirementsOf,
	type ConfigurationRequirement,
	type IntegrationRequirement,
	type LabelRequirement,
	type UserRequirement,
} from "../../../src/simulator/process/requirements.ts";
import {
	referenceLog,
	scenarios,
	startState,
	variant,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";

/**
 * The checklist ticks a step by the quick check (`xProblem`); the findings explain a failed check by
 * the differences (`xDifferences`). If the two disagreed, the trainee would see a step left open
 * with nothing said about why, or a "wrong" item with a tick. For states that differ from each
 * required item in one aspect at a time, both must give the same answer, and the one expected.
 */

/** How a state should compare with a requirement: the item is missing, or differs in these. */
type Expected = "missing" | readonly DifferenceAspect[];

interface Case {
	readonly name: string;
	readonly state: State;
	readonly expected: Expected;
}

interface Kind<R extends { readonly name: string }> {
	readonly kind: string;
	readonly required: (s: Scenario) => readonly R[];
	readonly problem: (state: State, required: R) => ItemProblem;
	readonly differences: (state: State, required: R) => Difference[] | null;
	readonly cases: (state: State, required: R) => Case[];
}

/** The state with one list's item changed (or removed, for `null`). */
function edit<K extends "labels" | "configurations" | "integrations" | "users">(
	state: State,
	list: K,
	index: number,
	change: Partial<State[K][number]> | null,
): State {
	const items: State[K][number][] = state[list].slice();
	if (change === null) items.splice(index, 1);
	else items[index] = { ...items[index]!, ...change };
	return { ...state, [list]: items };
}

function indexByName(items: readonly { readonly name: string }[], key: string): number {
	const index = items.findIndex((item) => nameKey(item.name) === key);
	if (index < 0) throw new Error(`the reference solution has no item "${key}"`);
	return index;
}

const labels: Kind<LabelRequirement> = {
	kind: "label",
	required: (s) => requirementsOf(s).labels,
	problem: labelProblem,
	differences: labelDifferences,
	cases: (state, required) => {
		const i = indexByName(state.labels, required.key);
		const label = state.labels[i]!;
		const change = (name: string, c: Partial<typeof label> | null, expected: Expected): Case => ({
			name,
			state: edit(state, "labels", i, c),
			expected,
		});
		const fields = label.fields;
		return [
			change("as required", {}, []),
			change("name in other letter case", { name: ` ${label.name.toUpperCase()} ` }, []),
			change("removed", null, "missing"),
			change("renamed", { name: `${label.name} alt` }, "missing"),
			change("wider", { widthMm: label.widthMm + 1 }, ["size"]),
			change("higher", { heightMm: label.heightMm + 1 }, ["size"]),
			change("width and height swapped", { widthMm: label.heightMm, heightMm: label.widthMm }, [
				...(label.widthMm === label.heightMm ? [] : (["size"] as const)),
			]),
			change("other printer", { printer: `${label.printer} 2` }, ["printer"]),
			change("printer in other letter case", { printer: label.printer.toUpperCase() }, []),
			change("fields in reverse order", { fields: [...fields].reverse() }, []),
			change("fields in lower case", { fields: fields.map((f) => f.toLowerCase()) }, []),
			change("a field more", { fields: [...fields, "Extra"] }, ["fields"]),
			...(fields.length === 0
				? []
				: [
						change("a field less", { fields: fields.slice(1) }, ["fields"]),
						change("a field replaced", { fields: ["Extra", ...fields.slice(1)] }, ["fields"]),
					]),
			...(fields.length < 2
				? []
				: [change("a field twice", { fields: [fields[1]!, ...fields.slice(1)] }, ["fields"])]),
			change(
				"everything different",
				{
					widthMm: label.widthMm + 5,
					printer: `${label.printer} 2`,
					fields: fields.length === 0 ? ["Extra"] : [],
				},
				["size", "printer", "fields"],
			),
		];
	},
};

const configurations: Kind<ConfigurationRequirement> = {
	kind: "configuration",
	required: (s) => requirementsOf(s).configurations,
	problem: configurationProblem,
	differences: configurationDifferences,
	cases: (state, required) => {
		const i = indexByName(state.configurations, required.key);
		const configuration = state.configurations[i]!;
		const change = (name: string, c: Partial<typeof configuration> | null, expected: Expected) => ({
			name,
			state: edit(state, "configurations", i, c),
			expected,
		});
		const otherTrigger = configuration.trigger === "file-trigger" ? "http-trigger" : "file-trigger";
		const otherLabel = state.labels.find((l) => nameKey(l.name) !== required.label.key);
		const stopped = change("stopped", { status: "stopped" }, required.started ? ["status"] : []);
		return [
			change("as required", {}, []),
			change("name in other letter case", { name: configuration.name.toLowerCase() }, []),
			change("removed", null, "missing"),
			change("renamed", { name: `${configuration.name} alt` }, "missing"),
			change("other trigger", { trigger: otherTrigger }, ["trigger"]),
			change("label gone", { labelId: "label-none" }, ["label"]),
			...(otherLabel === undefined
				? []
				: [change("other label", { labelId: otherLabel.id }, ["label"])]),
			stopped,
			{
				...stopped,
				name: "stopped, then started",
				state: edit(stopped.state, "configurations", i, { status: "started" }),
				expected: [],
			},
			change(
				"everything different",
				{ trigger: otherTrigger, labelId: "label-none", status: "stopped" },
				["trigger", "label", ...(required.started ? (["status"] as const) : [])],
			),
		];
	},
};

const integrations: Kind<IntegrationRequirement> = {
	kind: "integration",
	required: (s) => requirementsOf(s).integrations,
	problem: integrationProblem,
	differences: integrationDifferences,
	cases: (state, required) => {
		const i = indexByName(state.integrations, required.key);
		const integration = state.integrations[i]!;
		const change = (name: string, c: Partial<typeof integration> | null, expected: Expected) => ({
			name,
			state: edit(state, "integrations", i, c),
			expected,
		});
		const otherKind = integration.kind === "sftp" ? "database" : "sftp";
		const feeds = required.configuration === null ? [] : (["configuration"] as const);
		const otherConfiguration = state.configurations.find(
			(c) => nameKey(c.name) !== required.configuration?.key,
		);
		return [
			change("as required", {}, []),
			change("removed", null, "missing"),
			change("renamed", { name: `${integration.name} alt` }, "missing"),
			change("other kind", { kind: otherKind }, ["kind"]),
			change("feeds no configuration", { configurationId: null }, feeds),
			change("configuration gone", { configurationId: "configuration-none" }, feeds),
			...(otherConfiguration === undefined
				? []
				: [change("other configuration", { configurationId: otherConfiguration.id }, feeds)]),
			change("everything different", { kind: otherKind, configurationId: null }, [
				"kind",
				...feeds,
			]),
		];
	},
};

const users: Kind<UserRequirement> = {
	kind: "user",
	required: (s) => requirementsOf(s).users,
	problem: userProblem,
	differences: userDifferences,
	cases: (state, required) => {
		const i = state.users.findIndex((u) => u.email === required.email);
		const user = state.users[i]!;
		const change = (name: string, c: Partial<typeof user> | null, expected: Expected) => ({
			name,
			state: edit(state, "users", i, c),
			expected,
		});
		const otherRole = roleIds.find((r) => !user.roles.includes(r))!;
		return [
			change("as required", {}, []),
			change("removed", null, "missing"),
			change("other address", { email: `x.${user.email}` }, "missing"),
			{
				name: "the partner's own user",
				state: { ...state, signedInUserId: user.id },
				expected: "missing",
			},
			change("other role", { roles: [otherRole] }, ["roles"]),
			change("a role more", { roles: [...user.roles, otherRole] }, ["roles"]),
			...(user.roles.length > 1
				? [change("a role less", { roles: user.roles.slice(1) }, ["roles"])]
				: []),
		];
	},
};

/** Every scenario in two variants, with the state its reference solution ends in. */
const solved = scenarios.flatMap((base) =>
	[0, 5].map((seed) => {
		const s = variant(base, seed);
		const events = referenceLog(s);
		return { s, events, end: replay(startState(s), events).state };
	}),
);

/** The quick check and the differences say the same: missing, wrong (with what), or right. */
function expectAgree(problem: ItemProblem, differences: Difference[] | null, where: string) {
	if (problem === "missing") expect(differences, where).toBeNull();
	else if (problem === "wrong") expect(differences?.length, where).toBeGreaterThan(0);
	else expect(differences, where).toEqual([]);
}

function checkKind<R extends { readonly name: string }>(kind: Kind<R>) {
	describe(`${kind.kind} checks`, () => {
		test("the quick check and the differences agree, and find what was changed", () => {
			let cases = 0;
			for (const { s, end } of solved) {
				for (const required of kind.required(s)) {
					for (const c of kind.cases(end, required)) {
						const where = `${s.id}: ${required.name}: ${c.name}`;
						const problem = kind.problem(c.state, required);
						const differences = kind.differences(c.state, required);
						expectAgree(problem, differences, where);
						if (c.expected === "missing") {
							expect(problem, where).toBe("missing");
						} else {
							expect(problem, where).toBe(c.expected.length === 0 ? null : "wrong");
							expect(
								differences?.map((d) => d.aspect),
								where,
							).toEqual(c.expected);
						}
						cases++;
					}
				}
			}
			expect(cases).toBeGreaterThan(0);
		});

		test("they agree on every state along the reference solutions", () => {
			for (const { s, events } of solved) {
				replay(startState(s), events, (before) => {
					for (const required of kind.required(s)) {
						const where = `${s.id}: ${required.name}`;
						expectAgree(kind.problem(before, required), kind.differences(before, required), where);
					}
				});
			}
		});
	});
}

checkKind(labels);
checkKind(configurations);
checkKind(integrations);
checkKind(users);

/** The aspects the cases of one kind expect to find, over all scenarios. */
function aspectsChanged<R extends { readonly name: string }>(kind: Kind<R>): DifferenceAspect[] {
	return solved.flatMap(({ s, end }) =>
		kind
			.required(s)
			.flatMap((required) =>
				kind.cases(end, required).flatMap((c) => (c.expected === "missing" ? [] : c.expected)),
			),
	);
}

test("the cases change every aspect a finding can name", () => {
	const named = new Set([
		...aspectsChanged(labels),
		...aspectsChanged(configurations),
		...aspectsChanged(integrations),
		...aspectsChanged(users),
	]);
	expect([...named].sort()).toEqual([...differenceAspects].sort());
});
