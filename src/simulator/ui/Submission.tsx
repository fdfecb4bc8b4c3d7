import { Match, Show, Switch, createMemo, createSignal } from "solid-js";
import type { Attempt } from "../attempt/schema.ts";
import { sendAttempt } from "../client/score-server.ts";
import { CompletionCode } from "./CompletionCode.tsx";
import { gradingNumbers } from "../grading/rubric.ts";
import { useSim } from "./context.tsx";
import { useAsync } from "./use-async.ts";
import { cohortErrorCodes } from "../cohort/error-codes.ts";
import { cohortTexts } from "./cohort/texts.ts";

const isCohortError = (code: string | undefined) =>
	(cohortErrorCodes as readonly (string | undefined)[]).includes(code);

/**
 * Sends a finished assessment to the score server, which regrades it from the log. Without a
 * server (a static host, or offline) the trainee gets the result file and a completion code to
 * hand to the trainer instead. Sending again is harmless: the server keeps one row per attempt id,
 * so while the server's database is away for a moment the trainee can simply send again.
 */
export default function Submission(props: { attempt: Attempt; token?: string | undefined }) {
	const sim = useSim();
	// Each try is a new source, so "Send again" runs the request once more.
	const [tries, setTries] = createSignal(0);
	const request = createMemo(() => ({ attempt: props.attempt, try: tries() }));
	const sent = useAsync(request, ({ attempt }) => sendAttempt(attempt, { token: props.token }));
	const saved = () => {
		const result = sent();
		return result?.ok ? result.grade : undefined;
	};
	const certificate = () => {
		const result = sent();
		return result?.ok ? result.certificate : undefined;
	};
	const failure = () => {
		const result = sent();
		return result && !result.ok ? result : undefined;
	};
	return (
		<section class="st-panel st-submission" aria-labelledby="st-submission-title">
			<h3 id="st-submission-title">{sim.t("ui.submit.title")}</h3>
			<div role="status" aria-live="polite">
				<Switch fallback={<p>{sim.t("ui.submit.sending")}</p>}>
					<Match when={saved()}>
						{(grade) => (
							<>
								<p>
									{sim.t("ui.submit.saved", {
										score: grade().score,
										max: gradingNumbers().maxScore,
									})}
								</p>
								<Show when={certificate()}>
									{(code) => (
										<>
											<p>{sim.t("ui.submit.certificateNote")}</p>
											<ul>
												<li>
													<a
														href={`/api/certificates/${encodeURIComponent(code())}.pdf?lang=${sim.locale}`}
														download=""
													>
														{sim.t("ui.submit.certificate")}
													</a>
												</li>
												<li>
													<a href={`/${sim.locale}/verify/${encodeURIComponent(code())}/`}>
														{sim.t("ui.submit.certificateVerify", { code: code() })}
													</a>
												</li>
											</ul>
										</>
									)}
								</Show>
							</>
						)}
					</Match>
					<Match when={failure()}>
						{(failed) => (
							<>
								<p>
									{failed().reason === "offline"
										? sim.t("ui.submit.offline")
										: failed().reason === "unavailable"
											? sim.t("ui.submit.unavailable")
											: isCohortError(failed().error)
												? cohortTexts(sim)(`errors.${failed().error}`)
												: sim.t("ui.submit.rejected", { message: failed().message ?? "" })}
								</p>
								<Show when={failed().reason === "unavailable"}>
									<div class="st-actions">
										<button
											type="button"
											class="st-button st-button--primary"
											onClick={() => setTries((n) => n + 1)}
										>
											{sim.t("ui.submit.retry")}
										</button>
									</div>
								</Show>
								<CompletionCode attempt={props.attempt} />
							</>
						)}
					</Match>
				</Switch>
			</div>
		</section>
	);
}
