import { For, Show, createMemo } from "solid-js";
import type { AttemptEvent } from "../attempt/schema.ts";
import { findingMessage } from "../grading/explain.ts";
import type { GradeResult } from "../grading/grade.ts";
import { gradingNumbers } from "../grading/rubric.ts";
import { replay } from "../model/replay.ts";
import { guideHref } from "../process/guide.ts";
import { useSim } from "./context.tsx";
import { FindingDifferences } from "./FindingDifferences.tsx";
import { refusalText } from "./form.ts";

/** The grade of an attempt: score, pass, each finding explained with its guide link, the timeline. */
export default function Results(props: {
	result: GradeResult;
	events: readonly AttemptEvent[];
	title?: string;
	children?: import("solid-js").JSX.Element;
}) {
	const sim = useSim();
	const numbers = gradingNumbers();
	let heading: HTMLHeadingElement | undefined;
	const time = (at: string) =>
		new Date(at).toLocaleTimeString(sim.locale === "de" ? "de-DE" : "en-GB", {
			hour: "2-digit",
			minute: "2-digit",
			second: "2-digit",
		});
	/** The model's answers on replay, so a refusal shows the details the trainee saw (line, value). */
	const outcomes = createMemo(() => {
		const r = sim.runtime();
		return r ? replay(r.start, props.events).outcomes : [];
	});
	const eventId = (index: number) => `st-event-${index + 1}`;
	queueMicrotask(() => heading?.focus());
	return (
		<section class="st-results" aria-labelledby="st-results-title">
			<h2 id="st-results-title" ref={heading} tabindex="-1">
				{props.title ?? sim.t("ui.results.title")}
			</h2>
			<p class="st-score" data-passed={props.result.passed ? "true" : "false"}>
				<strong>
					{sim.t("grading.score", { score: props.result.score, max: numbers.maxScore })}
				</strong>{" "}
				– {props.result.passed ? sim.t("grading.passed") : sim.t("grading.failed")}
			</p>
			<p>{sim.t("grading.passRule", { passMark: numbers.passMark })}</p>
			{props.children}
			<h3>{sim.t("ui.results.findings")}</h3>
			<Show
				when={props.result.findings.length > 0}
				fallback={<p>{sim.t("ui.results.noFindings")}</p>}
			>
				<ul class="st-findings">
					<For each={props.result.findings}>
						{(f) => (
							<li data-finding={f.id} data-severity={f.severity}>
								<strong>{sim.t(`severity.${f.severity}`)}</strong>
								<Show when={f.points > 0}>
									{" "}
									({sim.t("grading.points", { points: f.points })})
								</Show>: {findingMessage(sim.t, f)}
								<FindingDifferences finding={f} />
								<span class="st-findings__links">
									<Show when={f.event !== null && f.event}>
										{(event) => (
											<a href={`#${eventId(event())}`}>
												{sim.t("ui.results.atEvent", { number: event() + 1 })}
											</a>
										)}
									</Show>
									<Show when={f.step}>
										{(step) => (
											<a href={guideHref(sim.locale, step())}>
												{sim.t("ui.results.guideLink", { step: sim.t(`steps.${step()}.title`) })}
											</a>
										)}
									</Show>
								</span>
							</li>
						)}
					</For>
				</ul>
			</Show>
			<h3>{sim.t("ui.results.steps")}</h3>
			<ul class="st-checklist">
				<For each={props.result.steps.filter((s) => s.required)}>
					{(s) => (
						<li data-done={s.done ? "true" : "false"}>
							<span aria-hidden="true">{s.done ? "✓" : "✗"}</span> {sim.t(`steps.${s.id}.title`)} –{" "}
							{s.done ? sim.t("grading.stepDone") : sim.t("grading.stepOpen")}
						</li>
					)}
				</For>
			</ul>
			<h3>{sim.t("ui.results.timeline")}</h3>
			<Show when={props.events.length > 0} fallback={<p>{sim.t("ui.results.noEvents")}</p>}>
				<ol class="st-timeline">
					<For each={props.events}>
						{(e, index) => (
							<li id={eventId(index())} tabindex="-1" data-outcome={e.outcome ?? "ok"}>
								<time datetime={e.at}>{time(e.at)}</time> {sim.t(`actions.${e.action.type}`)}
								<Show when={outcomes()[index()]}>
									{(refusal) => (
										<>
											{" "}
											– {sim.t("ui.results.refused")}: {refusalText(sim, refusal())}
										</>
									)}
								</Show>
							</li>
						)}
					</For>
				</ol>
			</Show>
		</section>
	);
}
