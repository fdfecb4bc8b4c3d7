import { For, Show, createSignal, onCleanup, onMount } from "solid-js";
import type { Translate } from "../../text/locale.ts";
import type { Attempt } from "../../attempt/schema.ts";
import type { Finding } from "../../grading/index.ts";
import type { Locale } from "../../text/locale.ts";
import { createSession } from "../../store/session/store.ts";
import { memoryStorage } from "../../store/session/storage.ts";
import type { OwnScenarioCopy } from "../../store/session/saved.ts";
import { ControlCenter } from "../cc/ControlCenter.tsx";
import { SimProvider, createSim } from "../context.tsx";
import { watchOnly } from "../demo/watch-only.ts";
import { Phase } from "../Loading.tsx";
import { viewOf } from "./page.ts";
import "../styles.css";

/**
 * A stored attempt played back in the simulated Control Center for its trainer, read-only: one
 * action forwards or back, to the start or the end, or straight to the action a finding marks.
 * The screen shows the account as it was after the current action, on the page it was taken on.
 */
export default function Replay(props: {
	attempt: Attempt;
	findings: readonly Finding[];
	/** A trainer's own scenario the attempt was made on, at its version. */
	own?: OwnScenarioCopy | undefined;
	locale: Locale;
	t: Translate;
}) {
	const t = props.t;
	const events = props.attempt.events;
	// The played-back attempt is the trainer's view only: it is kept in memory, never in the
	// trainer's browser storage, where it could mix with their own practice.
	const session = createSession(`replay-${props.attempt.id}`, { storage: memoryStorage() });
	const sim = createSim(t, props.locale, session);
	const [position, setPosition] = createSignal(0);
	const findingsAt = (index: number) => props.findings.filter((f) => f.event === index);

	const show = (count: number) => {
		const next = Math.max(0, Math.min(events.length, count));
		setPosition(next);
		session.resume({ ...props.attempt, events: events.slice(0, next) }, false, props.own);
		const current = events[next - 1];
		sim.setView(current === undefined ? { page: "dashboard" } : viewOf(current.action));
	};
	show(0);

	let stage: HTMLDivElement | undefined;
	onMount(() => {
		if (stage) onCleanup(watchOnly(stage, () => {}));
	});

	const current = () => events[position() - 1];
	/** A move to action `to`; off while it would not move (at the start or the end already). */
	const Go = (p: { label: string; to: number; primary?: boolean }) => (
		<button
			type="button"
			class="st-button"
			classList={{ "st-button--primary": !!p.primary }}
			onClick={() => show(p.to)}
			disabled={p.to < 0 || p.to > events.length || p.to === position()}
		>
			{t(`trainer.replay.${p.label}`)}
		</button>
	);
	return (
		<SimProvider value={sim}>
			<section class="st-sim st-replay not-content" aria-labelledby="st-replay-title">
				<h3 id="st-replay-title">{t("trainer.replay.title")}</h3>
				<div class="st-actions" role="group" aria-label={t("trainer.replay.controls")}>
					<Go label="first" to={0} />
					<Go label="back" to={position() - 1} />
					<Go label="next" to={position() + 1} primary />
					<Go label="last" to={events.length} />
				</div>
				<p role="status" class="st-status">
					{t("trainer.replay.position", { current: position(), total: events.length })}
					<Show when={current()}>{(event) => <> · {t(`actions.${event().action.type}`)}</>}</Show>
				</p>
				<Show when={findingsAt(position() - 1).length > 0}>
					<div class="st-form-error">
						<p>{t("trainer.replay.findingsHere")}</p>
						<ul>
							<For each={findingsAt(position() - 1)}>{(f) => <li>{t(`rubric.${f.rule}`)}</li>}</For>
						</ul>
					</div>
				</Show>
				<Show when={props.findings.some((f) => f.event !== null)}>
					<section aria-labelledby="st-replay-jump">
						<h4 id="st-replay-jump">{t("trainer.replay.jump")}</h4>
						<ul class="st-replay__jumps">
							<For each={props.findings.filter((f) => f.event !== null)}>
								{(f) => (
									<li>
										<button
											type="button"
											class="st-button"
											onClick={() => show((f.event ?? 0) + 1)}
										>
											{t("trainer.replay.jumpTo", {
												rule: t(`rubric.${f.rule}`),
												number: (f.event ?? 0) + 1,
											})}
										</button>
									</li>
								)}
							</For>
						</ul>
					</section>
				</Show>
				<div class="st-replay__stage" ref={stage}>
					<Phase>
						<ControlCenter />
					</Phase>
				</div>
			</section>
		</SimProvider>
	);
}
