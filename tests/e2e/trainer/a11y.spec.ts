import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { texts } from "./texts.ts";
import { encodeCompletionCode } from "../../../src/simulator/attempt/completion-code.ts";
import { referenceAttempt, signIn, uniqueCohort } from "./support.ts";
import { expectNoRawKeys } from "../raw-keys.ts";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

let attemptId = "";
let cohort = "";
let cohortId = "";
let earlyId = "";
let scenarioId = "";

test.beforeAll(async ({ playwright }, info) => {
	const request = await playwright.request.newContext({ baseURL: info.project.use.baseURL });
	cohort = uniqueCohort();
	// Findings of every severity (little more than the order is done), a refused action, a hint.
	const order = referenceAttempt().events[0]!;
	const attempt = referenceAttempt({
		hintsUsed: 1,
		trainee: { name: "Axel Axe", cohort },
		events: [order, { ...order, outcome: "account-already-ordered" }],
	});
	const response = await request.post("/api/attempts", { data: attempt });
	expect(response.status()).toBe(201);
	attemptId = attempt.id;
	// An invitation sent before the preparation: a finding marked at the action that caused it.
	const reference = referenceAttempt({ trainee: { name: "Ina Eilig", cohort } });
	const invite = reference.events.findIndex((e) => e.action.type === "invite-guest-user");
	const reordered = [
		reference.events[0]!,
		reference.events[invite]!,
		...reference.events.slice(1, invite),
		...reference.events.slice(invite + 1),
	].map((e, i) => ({ ...e, at: reference.events[i]!.at }));
	const early = { ...reference, events: reordered };
	expect((await request.post("/api/attempts", { data: early })).status()).toBe(201);
	earlyId = early.id;
	// A cohort with one issued, submitted assessment, so its page shows every part of its insight.
	await signIn(request);
	const day = new Date().toISOString().slice(0, 10);
	const created = await request.post("/api/cohorts", {
		data: {
			name: `A11y ${cohort}`,
			scenarios: ["first-handover"],
			sameSeed: true,
			opensOn: day,
			closesOn: day,
		},
	});
	expect(created.status()).toBe(201);
	const { id, code } = (await created.json()) as { id: string; code: string };
	cohortId = id;
	const start = { code, name: "Axel Axe", scenarioId: "first-handover", mode: "assessment" };
	const issued = (await (await request.post("/api/cohort-attempts", { data: start })).json()) as {
		attemptId: string;
		token: string;
		seed: number;
		startedAt: string;
	};
	const done = referenceAttempt({
		id: issued.attemptId,
		scenario: { id: "first-handover", seed: issued.seed },
		trainee: { name: "Axel Axe", cohort: code },
		startedAt: issued.startedAt,
	});
	const events = done.events.map((e, i) => ({
		...e,
		at: new Date(Date.parse(issued.startedAt) + (i + 1) * 1000).toISOString(),
	}));
	const sent = await request.post("/api/attempts", {
		data: { ...done, events, finishedAt: events.at(-1)!.at },
		headers: { "X-Attempt-Token": issued.token },
	});
	expect(sent.status()).toBe(201);
	// A trainer's own scenario, a copy of a built-in one, for the editor's page.
	const copied = await request.post("/de/trainer/scenarios/", {
		form: { from: "first-handover" },
		headers: { Origin: new URL(info.project.use.baseURL!).origin },
		maxRedirects: 0,
	});
	expect(copied.status()).toBe(303);
	scenarioId = /scenarios\/([^/]+)\//.exec(copied.headers()["location"] ?? "")?.[1] ?? "";
	await request.dispose();
});

async function check(page: Page) {
	await expectNoRawKeys(page);
	const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
	).toEqual([]);
}

for (const theme of ["light", "dark"] as const) {
	for (const locale of ["de", "en"] as const) {
		const t = texts(locale);
		test.describe(`trainer pages in ${locale}, ${theme} theme`, () => {
			test.beforeEach(async ({ page }) => {
				await page.addInitScript((value) => localStorage.setItem("starlight-theme", value), theme);
			});

			test("axe: sign-in page", async ({ page }) => {
				await page.goto(`/${locale}/trainer/login/`);
				await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
				await check(page);
			});

			// One test per page: axe takes several seconds on a full trainer page, and four of them
			// in one test came close to its 30 s limit on a busy machine.
			const pages = {
				attempts: () => `/${locale}/trainer/?cohort=${cohort}`,
				"one attempt": () => `/${locale}/trainer/attempts/${attemptId}/`,
				summary: () => `/${locale}/trainer/summary/?cohort=${cohort}`,
				cohorts: () => `/${locale}/trainer/cohorts/`,
				"new cohort": () => `/${locale}/trainer/cohorts/new/`,
				"a cohort with its insight": () => `/${locale}/trainer/cohorts/${cohortId}/`,
				"a cohort's settings": () => `/${locale}/trainer/cohorts/${cohortId}/settings/`,
				"a cohort's LMS package": () => `/${locale}/trainer/cohorts/${cohortId}/lms/`,
				"your scenarios": () => `/${locale}/trainer/scenarios/`,
				"a scenario in the editor, beside its proofs": () =>
					`/${locale}/trainer/scenarios/${scenarioId}/`,
				"trainer accounts": () => `/${locale}/trainer/accounts/`,
				"the audit trail": () => `/${locale}/trainer/audit/`,
			};
			for (const [name, path] of Object.entries(pages)) {
				test(`axe: ${name}`, async ({ page }) => {
					await signIn(page.request);
					await page.goto(path());
					await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
					await check(page);
				});
			}

			test("axe: the replay of an attempt, at the action a finding marks", async ({ page }) => {
				await signIn(page.request);
				await page.goto(`/${locale}/trainer/attempts/${earlyId}/`);
				await page.getByRole("button", { name: t("trainer.replay.start") }).click();
				const replay = page.getByRole("region", { name: t("trainer.replay.title") });
				await replay
					.getByRole("button", { name: new RegExp(t("rubric.invited-before-preparation")) })
					.click();
				await expect(replay.getByText(t("trainer.replay.findingsHere"))).toBeVisible();
				await check(page);
			});

			test("axe: a refused cohort form names each field's problem", async ({ page }) => {
				await signIn(page.request);
				await page.goto(`/${locale}/trainer/cohorts/new/`);
				await page.getByRole("button", { name: t("trainer.cohorts.create") }).click();
				await expect(page.getByRole("alert")).toHaveText(t("trainer.cohorts.notSaved"));
				const name = page.getByLabel(t("trainer.cohorts.name"), { exact: true });
				await expect(name).toHaveAttribute("aria-invalid", "true");
				await expect(name).toHaveAccessibleDescription(t("trainer.cohorts.problems.required"));
				await check(page);
			});

			test("axe: an editor refusing to publish names each field's problem", async ({ page }) => {
				await signIn(page.request);
				await page.goto(`/${locale}/trainer/scenarios/${scenarioId}/`);
				const group = page.getByRole("group", {
					name: `${t("trainer.scenarios.items.labels")} 1`,
				});
				const width = group.getByLabel(t("trainer.scenarios.fields.widthMm"));
				await width.fill("breit");
				await page.getByRole("button", { name: t("trainer.scenarios.publish") }).click();
				await expect(page.getByRole("alert")).toContainText(t("trainer.scenarios.unproved"));
				await expect(width).toHaveAttribute("aria-invalid", "true");
				await expect(width).toHaveAccessibleDescription(
					t("trainer.scenarios.problems.invalid_type"),
				);
				await check(page);
			});

			test("axe: import with results", async ({ page }) => {
				await signIn(page.request);
				await page.goto(`/${locale}/trainer/import/`);
				const code = await encodeCompletionCode(
					referenceAttempt({ events: [], claimedScore: 100, trainee: { name: "A", cohort } }),
				);
				await page.getByLabel(t("trainer.import.codes")).fill(`${code}\nST1.broken`);
				await page.getByRole("button", { name: t("trainer.import.submit") }).click();
				await expect(
					page.getByRole("table", { name: t("trainer.import.resultsCaption") }),
				).toBeVisible();
				await check(page);
			});
		});
	}
}
