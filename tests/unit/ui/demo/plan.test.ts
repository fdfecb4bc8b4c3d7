import { describe, expect, test } from "vitest";
import { translator } from "../../../../src/i18n/translator.ts";
import { messages } from "../../../../src/i18n/messages.ts";
import { withoutEmphasis } from "../../../../src/i18n/emphasis.ts";
import { scenarios } from "../../../../src/simulator/scenarios/registry.ts";
import { variant } from "../../../../src/simulator/scenarios/variant.ts";
import { demoPlan, type Gesture } from "../../../../src/simulator/ui/demo/plan.ts";
import { demoDuration, paceFactor, readingTime } from "../../../../src/simulator/ui/demo/timing.ts";

const locales = ["de", "en"] as const;
const seeds = [0, 1, 2, 3, 4];

/** Every reference action of a variant with the gestures that show it. */
function demo(id: string, seed: number, locale: (typeof locales)[number]) {
	return demoPlan(
		variant(
			scenarios.find((x) => x.id === id)!,
			seed,
		),
		translator(locale),
	);
}

const typed = (gestures: readonly Gesture[]) =>
	gestures.flatMap((g) => (g.kind === "type" ? [g.text] : []));

describe("the demo works every action of every reference solution through the screens", () => {
	for (const s of scenarios) {
		for (const locale of locales) {
			test(`${s.id} (${locale})`, () => {
				for (const seed of seeds) {
					for (const { event, gestures } of demo(s.id, seed, locale)) {
						const what = `${s.id} seed ${seed}: ${event.action.type}`;
						expect(gestures, what).toBeDefined();
						// It ends by pressing the button that takes the action.
						expect(gestures!.at(-1)!.kind, what).toBe("click");
						// Everything the action carries as text is typed or chosen on the screen.
						const shown = [
							...typed(gestures!),
							...gestures!.flatMap((g) => (g.kind === "choose" ? [g.value] : [])),
						];
						const a = event.action as Record<string, unknown>;
						for (const key of [
							"accountName",
							"contactEmail",
							"customerName",
							"name",
							"printer",
							"email",
							"firstName",
							"lastName",
							"text",
							"trigger",
							"kind",
							"labelId",
						]) {
							if (typeof a[key] === "string" && a[key] !== "") {
								expect(shown, `${what} ${key}`).toContain(a[key]);
							}
						}
						if (Array.isArray(a.fields) && a.fields.length > 0) {
							expect(shown, what).toContain((a.fields as string[]).join("\n"));
						}
						// Roles are ticked by the names the screen shows.
						if (event.action.type === "invite-guest-user") {
							const ticks = gestures!.flatMap((g) => (g.kind === "tick" ? [g.target] : []));
							expect(ticks.map((t) => ("label" in t ? t.label : ""))).toEqual(
								event.action.roles.map((r) => translator(locale)(`roles.${r}.name`)),
							);
						}
						// No target is an untranslated key.
						for (const g of gestures!) {
							const name = "name" in g.target ? g.target.name : g.target.label;
							expect(name, what).not.toMatch(/^(ui|fields|roles)\./);
						}
					}
				}
			});
		}
	}

	test("the customer's invitation shows 3.1–3.4 as they happen: settings, role, Invite", () => {
		const invite = demo("first-handover", 1, "en").find(
			(d) => d.event.step === "invite-guest-user",
		)!;
		const steps = invite.gestures!.map((g) => g.step);
		expect(steps[0]).toBe("invite-guest-user");
		expect(steps).toContain("grant-administration");
		expect(steps.at(-1)).toBe("send-invitation");
	});

	test("stepping down adds Service Provider before it removes Administration", () => {
		const down = demo("first-handover", 1, "de").find(
			(d) => d.event.step === "step-down-to-service-provider",
		)!;
		const ticks = down.gestures!.flatMap((g) => (g.kind === "tick" ? [[g.target, g.on]] : []));
		expect(ticks).toEqual([
			[{ by: "check", label: "Service Provider" }, true],
			[{ by: "check", label: "Verwaltung" }, false],
		]);
	});
});

describe("the demo's length", () => {
	const why = (locale: (typeof locales)[number]) => (step: Gesture["step"]) =>
		withoutEmphasis(messages[locale].stepWhy[step]);
	const gestures = (id: string, locale: (typeof locales)[number]) =>
		demo(id, 1, locale).flatMap((d) => d.gestures ?? []);

	test("every scenario plays in under four minutes at normal pace, in both languages", () => {
		for (const s of scenarios) {
			for (const locale of locales) {
				const ms = demoDuration(gestures(s.id, locale), why(locale));
				expect(ms, `${s.id} ${locale}`).toBeLessThan(4 * 60_000);
				expect(ms, `${s.id} ${locale}`).toBeGreaterThan(10_000);
			}
		}
	});

	test("the pace scales every wait; reduced motion drops the typing, not the reading", () => {
		const g = gestures("bottling-line", "en");
		const normal = demoDuration(g, why("en"));
		expect(demoDuration(g, why("en"), "fast")).toBeCloseTo(normal * paceFactor.fast);
		expect(demoDuration(g, why("en"), "slow")).toBeCloseTo(normal * paceFactor.slow);
		const reduced = demoDuration(g, why("en"), "normal", true);
		expect(reduced).toBeLessThan(normal);
		const steps = new Set(g.map((x) => x.step));
		const reading = [...steps].reduce((sum, step) => sum + readingTime(why("en")(step)), 0);
		expect(reduced).toBeGreaterThanOrEqual(reading);
	});

	test("a longer why is read longer, within bounds", () => {
		expect(readingTime("one two")).toBe(1500);
		expect(readingTime("word ".repeat(30))).toBeGreaterThan(readingTime("word ".repeat(15)));
		expect(readingTime("word ".repeat(500))).toBe(6000);
	});
});
