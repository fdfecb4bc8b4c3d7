import { expect, test, type Page } from "@playwright/test";
import { texts } from "./texts.ts";
import { referenceAttempt, signIn, uniqueCohort } from "./support.ts";

const t = texts("en");

/**
 * Everything the page's origin keeps in the browser's storage, as text, but Starlight's sidebar
 * state, which every page of the site rewrites for its own sidebar.
 */
const storage = (page: Page) =>
	page.evaluate(() => ({
		local: Object.fromEntries(Object.entries(localStorage)),
		session: Object.fromEntries(
			Object.entries(sessionStorage).filter(([key]) => key !== "sl-sidebar-state"),
		),
	}));

test("replaying an attempt leaves the trainer's browser storage as it was, during and after", async ({
	page,
}) => {
	const attempt = referenceAttempt({ trainee: { name: "Rita Replay", cohort: uniqueCohort() } });
	expect((await page.request.post("/api/attempts", { data: attempt })).status()).toBe(201);
	await signIn(page.request);

	// The trainer practises in this browser too: their own session must survive the replay.
	await page.goto("/en/practice/");
	await page.evaluate(() => {
		localStorage.setItem("staging-trainer:session:practice", '{"own":"practice"}');
		localStorage.setItem("unrelated", "kept");
	});
	await page.goto(`/en/trainer/attempts/${attempt.id}/`);
	const before = await storage(page);
	expect(before.local["staging-trainer:session:practice"]).toBe('{"own":"practice"}');

	await page.getByRole("button", { name: t("trainer.replay.start") }).click();
	const replay = page.getByRole("region", { name: t("trainer.replay.title") });
	const status = replay.getByRole("status").first();
	const total = attempt.events.length;
	const at = (n: number) => t("trainer.replay.position", { current: n, total });
	await expect(status).toHaveText(at(0));
	await replay.getByRole("button", { name: t("trainer.replay.next") }).click();
	await expect(status).toContainText(at(1));
	await replay.getByRole("button", { name: t("trainer.replay.last") }).click();
	await expect(status).toContainText(at(total));
	expect(await storage(page)).toEqual(before);

	await replay.getByRole("button", { name: t("trainer.replay.back") }).click();
	await page.goto("/en/trainer/");
	expect(await storage(page)).toEqual(before);
});
