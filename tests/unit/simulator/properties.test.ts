import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { conclude, createTrace, grade, observe } from "../../../src/simulator/grading/index.ts";
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
	startState,
	variant,
	type PlannedAction,
	type Scenario,
} from "../../../src/simulator/scenarios/index.ts";
import { deepFreeze } from "./support.ts";

/**
 * Property tests over random mixes of reference steps and arbitrary (often invalid) actions: the
 * reducer keeps its invariants, and grading is a deterministic function of the log.
 */

const texts = fc.constantFrom(
	"Versand",
	"versand ",
	"Brotetikett",
	"",
	"   ",
	"<script>alert(1)</script>",
	"x".repeat(150),
	"Zeile\numbruch",
	"Ünïcödé ✓",
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
const ids = fc.oneof(
	fc
		.constantFrom("user", "label", "configuration", "integration", "mail")
		.chain((kind) => fc.integer({ min: 1, max: 40 }).map((n) => `${kind}-${n}`)),
	fc.constant("nope"),
);
const roles = fc.subarray([...roleIds]);
const sizes = fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.constantFrom(58.5, -3));

function actions(s: Scenario): fc.Arbitrary<Action> {
	const address = addresses(s);
	const recipients = fc
		.array(fc.oneof(address, fc.constantFrom("", "  ")), { maxLength: 5 })
		.chain((list) => fc.constantFrom("\n", "\r\n", ", ", ";", "\n\n").map((sep) => list.join(sep)));
	const label = {
		name: texts,
		widthMm: sizes,
		heightMm: sizes,
		printer: texts,
		fields: fc.array(texts, { maxLength: 4 }),
	};
	const configuration = { name: texts, trigger: fc.constantFrom(...triggers), labelId: ids };
	const integration = {
		name: texts,
		kind: fc.constantFrom(...integrationKinds),
		configurationId: fc.option(ids, { nil: null }),
	};
	const person = { firstName: texts, lastName: texts, email: address, roles };
	const record = <T extends Action["type"]>(
		type: T,
		fields: Record<string, fc.Arbitrary<unknown>>,
	) => fc.record(fields).map((f) => ({ type, ...f }) as unknown as Action);
	return fc.oneof(
		record("order-account", {
			accountName: texts,
			contactEmail: address,
			forCustomer: fc.boolean(),
			customerName: texts,
			note: texts,
		}),
		record("create-label", label),
		record("edit-label", { labelId: ids, ...label }),
		record("delete-label", { labelId: ids }),
		record("create-configuration", configuration),
		record("edit-configuration", { configurationId: ids, ...configuration }),
		record("delete-configuration", { configurationId: ids }),
		record("start-configuration", { configurationId: ids }),
		record("stop-configuration", { configurationId: ids }),
		record("create-integration", integration),
		record("edit-integration", { integrationId: ids, ...integration }),
		record("delete-integration", { integrationId: ids }),
		record("add-user", person),
		record("invite-guest-user", person),
		record("edit-user", { userId: ids, firstName: texts, lastName: texts }),
		record("set-user-roles", { userId: ids, roles }),
		record("remove-user", { userId: ids }),
		record("resend-invitation", { userId: ids }),
		record("activate-invitation", { userId: ids }),
		record("set-notification-recipients", { text: recipients }),
	);
}

/** A scenario, and a plan mixing its reference steps with random actions at random places. */
const attempts = fc
	.record({ index: fc.nat({ max: scenarios.length - 1 }), seed: fc.nat({ max: 10_000 }) })
	.chain(({ index, seed }) => {
		const s = variant(scenarios[index]!, seed);
		const reference = referencePlan(s);
		return fc
			.record({
				keep: fc.array(fc.boolean(), { minLength: reference.length, maxLength: reference.length }),
				extra: fc.array(fc.tuple(fc.nat(), actions(s)), { maxLength: 40 }),
			})
			.map(({ keep, extra }) => {
				const plan: PlannedAction[] = reference.filter((_, i) => i === 0 || keep[i]);
				for (const [position, action] of extra) {
					plan.splice(position % (plan.length + 1), 0, {
						step: "order-account",
						build: () => action,
					});
				}
				return { s, events: realise(s, plan) };
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
