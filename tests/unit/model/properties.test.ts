import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { conclude, createTrace, grade, observe } from "../../../src/simulator/grading/index.ts";
import { actionSteps, leafStepIds, stepChecks } from "../../../src/simulator/process/index.ts";
import {
	administratorCount,
	apply,
	integrationKinds,
	replay,
	roleIds,
	stateSchema,
	triggers,
	type Action,
	type State,
} from "../../../src/simulator/model/index.ts";
import {
	realise,
	referencePlan,
	scenarios,
	solution,
	startPoint,
	variant,
	type PlannedAction,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";
import { deepFreeze } from "../support/model.ts";

/**
 * Property tests over random mixes of reference steps and arbitrary (often invalid) actions: the
 * reducer keeps its invariants, and grading is a deterministic function of the log.
 */

/** Mostly names from the scenario (so edits break and restore requirements), some hostile text. */
const texts = (s: Scenario) =>
	fc.oneof(
		{
			weight: 5,
			arbitrary: fc.constantFrom(
				...s.labels.map((l) => l.name),
				...s.configurations.map((c) => c.name),
				...s.integrations.map((i) => i.name),
				...s.labels.flatMap((l) => [l.printer, ...l.fields]),
				...s.configurations.map((c) => c.name.toUpperCase()),
				"Versand",
			),
		},
		{
			weight: 1,
			arbitrary: fc.constantFrom(
				"",
				"   ",
				"<script>alert(1)</script>",
				"x".repeat(150),
				"Zeile\numbruch",
				"Ünïcödé ✓",
			),
		},
	);
const addresses = (s: Scenario) =>
	fc.constantFrom(
		...s.people.map((p) => p.email),
		...s.mailboxes.map((m) => m.email),
		s.partner.email,
		s.partner.email.toUpperCase(),
		"new.person@example.com",
		"bad address@x.de",
		"no-domain@",
		"no-tld@example",
		"jürgen@x.de",
		"",
	);

/** A reference to an entity, resolved against the state when the action is built. */
class Ref {
	constructor(
		readonly kind: "users" | "labels" | "configurations" | "integrations",
		readonly n: number,
	) {}
	resolve(state: State): string {
		if (this.n === 0) return "nope";
		const items = state[this.kind];
		return items.length === 0 ? "nope" : (items[this.n % items.length]?.id ?? "nope");
	}
}
const ref = (kind: Ref["kind"]) => fc.nat({ max: 30 }).map((n) => new Ref(kind, n));
const self = fc.constant("self" as const);
const roles = fc.subarray([...roleIds]);
const sizes = fc.oneof(
	{ weight: 5, arbitrary: fc.constantFrom(30, 50, 100, 150) },
	{ weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5, max: 1200 }), fc.constant(58.5)) },
);

type Template = (state: State) => Action;

function actions(s: Scenario): fc.Arbitrary<Template> {
	const text = texts(s);
	const address = addresses(s);
	const recipients = fc
		.array(fc.oneof(address, fc.constantFrom("", "  ")), { maxLength: 5 })
		.chain((list) => fc.constantFrom("\n", "\r\n", ", ", ";", "\n\n").map((sep) => list.join(sep)));
	const label = {
		name: text,
		widthMm: sizes,
		heightMm: sizes,
		printer: text,
		fields: fc.uniqueArray(text, { maxLength: 5 }),
	};
	const configuration = {
		name: text,
		trigger: fc.constantFrom(...triggers),
		labelId: ref("labels"),
	};
	const integration = {
		name: text,
		kind: fc.constantFrom(...integrationKinds),
		configurationId: fc.option(ref("configurations"), { nil: null }),
	};
	const person = { firstName: text, lastName: text, email: address, roles };
	const user = fc.oneof(ref("users"), self);
	const record = (type: Action["type"], fields: Record<string, fc.Arbitrary<unknown>>) =>
		fc.record(fields).map((f): Template => (state) => {
			const resolved = Object.fromEntries(
				Object.entries(f).map(([key, value]) => [
					key,
					value instanceof Ref
						? value.resolve(state)
						: value === "self"
							? (state.signedInUserId ?? "nope")
							: value,
				]),
			);
			return { type, ...resolved } as unknown as Action;
		});
	return fc.oneof(
		record("order-account", {
			accountName: text,
			contactEmail: address,
			forCustomer: fc.boolean(),
			customerName: text,
			note: text,
		}),
		record("create-label", label),
		record("edit-label", { labelId: ref("labels"), ...label }),
		record("delete-label", { labelId: ref("labels") }),
		record("create-configuration", configuration),
		record("edit-configuration", { configurationId: ref("configurations"), ...configuration }),
		record("delete-configuration", { configurationId: ref("configurations") }),
		record("start-configuration", { configurationId: ref("configurations") }),
		record("stop-configuration", { configurationId: ref("configurations") }),
		record("create-integration", integration),
		record("edit-integration", { integrationId: ref("integrations"), ...integration }),
		record("delete-integration", { integrationId: ref("integrations") }),
		record("add-user", person),
		record("invite-guest-user", person),
		record("edit-user", { userId: user, firstName: text, lastName: text }),
		record("set-user-roles", { userId: user, roles }),
		record("remove-user", { userId: user }),
		record("resend-invitation", { userId: user }),
		record("activate-invitation", { userId: user }),
		record("set-notification-recipients", { text: recipients }),
	);
}

/** Where an attempt at a (varied) scenario starts: before the order, or in its situation. */
const startState = (s: Scenario): State => startPoint(s).state;

/** A scenario, and a plan mixing its reference steps with random actions at random places. */
const attempts = fc
	.record({ index: fc.nat({ max: scenarios.length - 1 }), seed: fc.nat({ max: 10_000 }) })
	.chain(({ index, seed }) => {
		const s = variant(scenarios[index]!, seed);
		// From scratch: the reference plan; from a situation: its solution, action by action.
		const reference: PlannedAction[] =
			s.situation === undefined
				? referencePlan(s)
				: solution(s).map((e) => ({ step: e.step, build: () => e.action }));
		return fc
			.record({
				keep: fc.array(fc.boolean(), { minLength: reference.length, maxLength: reference.length }),
				extra: fc.array(fc.tuple(fc.nat(), actions(s)), { maxLength: 60 }),
			})
			.map(({ keep, extra }) => {
				const plan: PlannedAction[] = reference.filter((_, i) => i === 0 || keep[i]);
				for (const [position, build] of extra) {
					plan.splice(position % (plan.length + 1), 0, { step: "order-account", build });
				}
				return { s, events: realise(s, plan, startState(s)) };
			});
	});

describe("properties", () => {
	test("every reachable state is schema-valid and keeps an Administration member; refusals change nothing", () => {
		fc.assert(
			fc.property(attempts, ({ s, events }) => {
				let state: State = deepFreeze(startState(s));
				for (const event of events) {
					const result = apply(state, event.action, { now: () => event.at });
					if (!result.ok) continue;
					state = deepFreeze(result.state);
					const parsed = stateSchema.safeParse(state);
					if (!parsed.success) throw new Error(`${event.action.type}: ${parsed.error.message}`);
					if (state.account !== null) expect(administratorCount(state)).toBeGreaterThanOrEqual(1);
				}
			}),
			{ numRuns: 150 },
		);
	});

	test("replaying a log reproduces the final state exactly", () => {
		fc.assert(
			fc.property(attempts, ({ s, events }) => {
				let state = startState(s);
				for (const event of events) {
					const result = apply(state, event.action, { now: () => event.at });
					if (result.ok) state = result.state;
				}
				const replayed = replay(startState(s), events);
				expect(replayed.state).toEqual(state);
				expect(replayed.outcomes.map((o) => o?.code ?? "ok")).toEqual(events.map((e) => e.outcome));
			}),
			{ numRuns: 100 },
		);
	});

	test("grading is deterministic and survives a JSON round trip of the log", () => {
		fc.assert(
			fc.property(attempts, fc.nat({ max: 5 }), ({ s, events }, hintsUsed) => {
				const first = grade(s, events, { hintsUsed });
				expect(grade(s, events, { hintsUsed })).toEqual(first);
				const roundTripped = JSON.parse(JSON.stringify(events)) as typeof events;
				expect(grade(s, roundTripped, { hintsUsed })).toEqual(first);
				// recorded outcomes are not trusted
				const lying = events.map((e) => ({ ...e, outcome: "ok" as const }));
				expect(grade(s, lying, { hintsUsed })).toEqual(first);
			}),
			{ numRuns: 100 },
		);
	});

	test("grades are consistent: score range, pass rule, failing checks are explained", () => {
		fc.assert(
			fc.property(attempts, ({ s, events }) => {
				const result = grade(s, events);
				expect(result.score).toBeGreaterThanOrEqual(0);
				expect(result.score).toBeLessThanOrEqual(100);
				const critical = result.findings.some((f) => f.severity === "critical");
				expect(result.passed).toBe(!critical && result.checksMet && result.score >= 80);
				if (!result.checksMet) expect(result.findings.length).toBeGreaterThan(0);
				expect(result.checksMet).toBe(result.steps.every((step) => step.done));
				expect(new Set(result.findings.map((f) => f.id)).size).toBe(result.findings.length);
				expect(result.refusals).toBe(events.filter((e) => e.outcome !== "ok").length);
			}),
			{ numRuns: 150 },
		);
	});

	test("skipping checks whose inputs did not change loses nothing: step timings match checking every step after every event", () => {
		fc.assert(
			fc.property(attempts, ({ s, events }) => {
				let state = startState(s);
				// A step counts once the trainee has worked on it (or it held from the start).
				const credited = new Set(leafStepIds.filter((leaf) => stepChecks[leaf](s, state)));
				const naive = new Map(
					leafStepIds.map((leaf) => [
						leaf,
						stepChecks[leaf](s, state) ? -1 : (null as number | null),
					]),
				);
				events.forEach((event, index) => {
					const result = apply(state, event.action, { now: () => event.at });
					if (result.ok) {
						for (const leaf of actionSteps(s, state, event.action)) credited.add(leaf);
						state = result.state;
					}
					for (const leaf of leafStepIds) {
						const holds = credited.has(leaf) && stepChecks[leaf](s, state);
						if (!holds) naive.set(leaf, null);
						else if (naive.get(leaf) === null) naive.set(leaf, index);
					}
				});
				const steps = new Map(grade(s, events).steps.map((step) => [step.id, step]));
				for (const leaf of leafStepIds) {
					const expected = naive.get(leaf) ?? null;
					const step = steps.get(leaf);
					expect(step?.done, leaf).toBe(expected !== null);
					if (expected !== null) expect(step?.event, leaf).toBe(expected === -1 ? null : expected);
				}
			}),
			{ numRuns: 200 },
		);
	});

	test("the browser's one-action-at-a-time grading equals grading the whole log", () => {
		fc.assert(
			fc.property(attempts, ({ s, events }) => {
				let state = startState(s);
				let trace = createTrace(s, state);
				for (const event of events) {
					const result = apply(state, event.action, { now: () => event.at });
					trace = observe(s, trace, state, event, result).trace;
					if (result.ok) state = result.state;
				}
				expect(conclude(s, trace, state)).toEqual(grade(s, events));
			}),
			{ numRuns: 100 },
		);
	});
});
