import type { Messages } from "../../../i18n/i18n-core.ts";
import { createTranslator } from "../../../i18n/i18n-core.ts";
import type { Attempt } from "../../attempt/schema.ts";
import type { Finding } from "../../grading/index.ts";
import type { Locale } from "../../text/locale.ts";
import type { OwnScenarioCopy } from "../../store/session/saved.ts";
import Replay from "../replay/Replay.tsx";
import { render } from "solid-js/web";

/**
 * The trainer's replay of one attempt, in the attempt page's language: the attempt and its grade
 * come from the score server (the trainer is signed in); the simulator's texts come with this
 * code, the replay's own and the findings' titles from the page (`data-texts`).
 */
export async function mountReplay(locale: Locale, messages: Messages): Promise<void> {
	for (const element of document.querySelectorAll<HTMLElement>('[data-st-island="replay"]')) {
		const page = JSON.parse(element.dataset.texts ?? "{}") as Messages;
		const t = createTranslator({ ...messages, ...page });
		const id = element.dataset.attempt ?? "";
		const response = await fetch(`/api/attempts/${encodeURIComponent(id)}`, {
			headers: { Accept: "application/json" },
		});
		if (!response.ok) {
			element.textContent = t("trainer.replay.failed");
			continue;
		}
		const stored = (await response.json()) as {
			attempt: Attempt;
			grade: { findings: Finding[] };
			own?: OwnScenarioCopy;
		};
		element.replaceChildren();
		render(
			() => (
				<Replay
					attempt={stored.attempt}
					findings={stored.grade.findings}
					own={stored.own}
					locale={locale}
					t={t}
				/>
			),
			element,
		);
	}
}
