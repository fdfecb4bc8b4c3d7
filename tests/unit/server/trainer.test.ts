import { describe, expect, test } from "vitest";
import { translator } from "../../../src/i18n/translator.ts";
import { gradeAttempt } from "../../../src/simulator/attempt/index.ts";
import { formatDuration } from "../../../src/server/trainer/format.ts";
import { withParams } from "../../../src/server/trainer/links.ts";
import { openTrainerPage, safeNext, trainerPath } from "../../../src/server/trainer/page.ts";
import { signIn } from "../../../src/server/access/sign-in.ts";
import { actionDetails, timeline } from "../../../src/server/trainer/timeline.ts";
import { attempt, context, meta, password } from "./support.ts";

describe("dashboard helpers", () => {
	test("after sign-in, only trainer pages of the same language are followed", () => {
		expect(safeNext("de", "/de/trainer/summary/?cohort=K")).toBe("/de/trainer/summary/?cohort=K");
		for (const next of [
			"https://evil.example/",
			"//evil.example/de/trainer/",
			"/de/trainer//evil.example",
			"/de/trainer/\\evil",
			"/en/trainer/",
			"/de/staging/",
			null,
		]) {
			expect(safeNext("de", next)).toBe("/de/trainer/");
		}
	});

	test("durations and links", () => {
		expect(formatDuration(65_400)).toBe("1:05");
		expect(formatDuration(3_725_000)).toBe("1:02:05");
		expect(formatDuration(null)).toBe("–");
		const current = new URLSearchParams("cohort=K 1&page=3");
		expect(withParams("/de/trainer/", current, { sort: "score", page: undefined })).toBe(
			"/de/trainer/?cohort=K+1&sort=score",
		);
		expect(withParams("/x/", new URLSearchParams(), {})).toBe("/x/");
	});

	test("the timeline shows the model's answer on replay, the steps done and the findings caused", () => {
		const a = attempt();
		const order = a.events[0]!;
		// A second order, honestly recorded as refused.
		const events = [
			order,
			{ ...order, outcome: "account-already-ordered" as const },
			...a.events.slice(1),
		];
		const withRefusal = { ...a, events };
		const entries = timeline(withRefusal, gradeAttempt(withRefusal)!);
		expect(entries).toHaveLength(events.length);
		expect(entries[0]).toMatchObject({ number: 1, refusal: null, offsetMs: 0 });
		expect(entries[0]!.steps.map((s) => s.id)).toEqual(["order-account"]);
		expect(entries[1]).toMatchObject({ number: 2, refusal: { code: "account-already-ordered" } });
		expect(entries.at(-1)!.offsetMs).toBe(Date.parse(events.at(-1)!.at) - Date.parse(a.startedAt));
	});

	test("the timeline names labels, configurations, integrations and users as the trainee saw them", () => {
		const a = attempt({ scenario: { id: "warehouse-integrations", seed: 5 } });
		const withIds = a.events.filter((e) =>
			Object.keys(e.action).some((k) => /^(label|configuration|integration|user)Id$/.test(k)),
		);
		expect(withIds.length).toBeGreaterThan(3);
		const t = translator("en");
		for (const entry of timeline(a, gradeAttempt(a)!)) {
			for (const detail of actionDetails(entry.action, t, entry.names)) {
				// No internal id such as "label-3" or "user-1" reaches the trainer.
				expect(detail.value, JSON.stringify(entry.action)).not.toMatch(
					/^(label|configuration|integration|user)-\d+$/,
				);
			}
		}
		const start = timeline(a, gradeAttempt(a)!).find(
			(e) => e.action.type === "start-configuration",
		);
		const name = a.events.find((e) => e.action.type === "create-configuration")!.action;
		expect(start?.names.configurationId).toBe((name as { name: string }).name);
	});

	test("action details name fields and vocabulary in the page's language", () => {
		const t = translator("de");
		const details = actionDetails(
			{
				type: "invite-guest-user",
				firstName: "Tomás",
				lastName: "Weiß",
				email: "t@example.com",
				roles: ["administration", "author"],
			},
			t,
		);
		expect(details).toEqual([
			{ label: t("fields.firstName"), value: "Tomás" },
			{ label: t("fields.lastName"), value: "Weiß" },
			{ label: t("fields.email"), value: "t@example.com" },
			{
				label: t("fields.roles"),
				value: `${t("roles.administration.name")}, ${t("roles.author.name")}`,
			},
		]);
	});
});

describe("opening a trainer page (the middleware's one place for it)", () => {
	const at = (path: string) => new URL(`http://127.0.0.1${path}`);
	const cookieOf = (cookies: readonly string[]) => cookies.map((c) => c.split(";")[0]).join("; ");

	test("a page needs a signed-in trainer; signing in and out do not; other languages are not found", async () => {
		const ctx = await context({ trainerPassword: password });
		const anonymous = new Request("http://127.0.0.1/de/trainer/summary/?cohort=K");
		const away = await openTrainerPage(anonymous, at("/de/trainer/summary/?cohort=K"), ctx);
		expect(away).toBeInstanceOf(Response);
		expect((away as Response).status).toBe(303);
		expect((away as Response).headers.get("Location")).toBe(
			`/de/trainer/login/?${new URLSearchParams({ next: "/de/trainer/summary/?cohort=K" })}`,
		);
		expect((away as Response).headers.get("Cache-Control")).toBe("no-store");

		const signInPage = await openTrainerPage(anonymous, at("/en/trainer/login/"), ctx);
		expect(signInPage).not.toBeInstanceOf(Response);
		expect(signInPage).toMatchObject({ locale: "en", signedIn: false, base: "/en/trainer/" });

		expect(trainerPath("/api/trainer/login")).toBeNull();
		expect(trainerPath("/de/trainer/attempts/x")).toEqual({ lang: "de", rest: "attempts/x" });
		const foreign = await openTrainerPage(anonymous, at("/fr/trainer/"), ctx);
		expect((foreign as Response).status).toBe(404);

		const signed = await signIn(
			new Request("http://127.0.0.1/de/trainer/login/", { method: "POST" }),
			meta,
			ctx,
			"admin",
			password,
		);
		expect(signed.ok).toBe(true);
		const trainer = new Request("http://127.0.0.1/de/trainer/", {
			headers: { Cookie: cookieOf(signed.ok ? signed.cookies : []) },
		});
		const page = await openTrainerPage(trainer, at("/de/trainer/"), ctx);
		expect(page).toMatchObject({ locale: "de", signedIn: true });
		expect((page as { t: (k: string) => string }).t("trainer.list.title")).not.toBe(
			"trainer.list.title",
		);
	});
});
