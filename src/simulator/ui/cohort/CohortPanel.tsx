import { For, Show, createSignal, createUniqueId } from "solid-js";
import { checkedJoined } from "../../cohort/assignment.ts";
import type { AttemptTrainee } from "../../attempt/schema.ts";
import type { IssuedAttempt } from "../../cohort/issued-attempt.ts";
import { joinCohort, requestAttempt, type CohortAnswer } from "../../client/cohort.ts";
import { $joined } from "../../store/cohort.ts";
import { $trainee, setTrainee } from "../../store/trainee.ts";
import { useSim } from "../context.tsx";
import { Field } from "../primitives/Field.tsx";
import { Radio } from "../primitives/Radio.tsx";
import { SubmitRow } from "../primitives/SubmitRow.tsx";
import { useAtom } from "../use-atom.ts";
import { cohortTexts } from "./texts.ts";

/**
 * A trainee's side of a cohort, loaded only when it is needed: joining with the trainer's code,
 * and then starting exactly the assigned attempt, which the server issues. Its texts
 * (`cohort-<locale>.json`) come with it, not with the practice page's first screen.
 */
function useCohortTexts() {
	return cohortTexts(useSim());
}

function errorText(t: ReturnType<typeof useCohortTexts>, answer: CohortAnswer<unknown>): string {
	return answer.ok ? "" : t(`errors.${answer.error}`);
}

/** The join form: the trainer's code and the name the trainer will see. */
export function JoinCohort(props: { onCancel: () => void }) {
	const t = useCohortTexts();
	const [code, setCode] = createSignal("");
	const [name, setName] = createSignal($trainee.get().name);
	const [errors, setErrors] = createSignal<{ code?: string; name?: string; form?: string }>({});
	const [busy, setBusy] = createSignal(false);
	const titleId = createUniqueId();
	let form: HTMLFormElement | undefined;
	const submit = async () => {
		const missing = {
			...(code().trim() === "" ? { code: t("required") } : {}),
			...(name().trim() === "" ? { name: t("required") } : {}),
		};
		setErrors(missing);
		if (Object.keys(missing).length > 0) {
			queueMicrotask(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
			return;
		}
		setBusy(true);
		const answer = await joinCohort(code(), name());
		setBusy(false);
		if (!answer.ok) {
			setErrors({ form: errorText(t, answer) });
			return;
		}
		setTrainee(name(), answer.value.code);
		$joined.set({ assignment: answer.value, name: $trainee.get().name });
	};
	return (
		<section class="st-panel st-cohort" aria-labelledby={titleId}>
			<h3 id={titleId}>{t("title")}</h3>
			<p>{t("intro")}</p>
			<form
				ref={form}
				novalidate
				onSubmit={(e) => {
					e.preventDefault();
					void submit();
				}}
			>
				<Show when={errors().form}>
					<p class="st-form-error" role="alert">
						{errors().form}
					</p>
				</Show>
				<Field label={t("code")} value={code()} onInput={setCode} error={errors().code} required />
				<Field
					label={t("name")}
					hint={t("nameHint")}
					value={name()}
					onInput={setName}
					error={errors().name}
					required
					autocomplete="name"
				/>
				<p role="status" class="st-status">
					{busy() ? t("joining") : ""}
				</p>
				<SubmitRow label={t("join")}>
					<button type="button" class="st-button" onClick={() => props.onCancel()}>
						{t("cancel")}
					</button>
				</SubmitRow>
			</form>
		</section>
	);
}

/**
 * The joined cohort instead of the picker: its name and last day, the assigned scenarios and
 * modes only, and Start, which asks the server for the attempt.
 */
export function CohortPicker(props: {
	onStart: (issued: IssuedAttempt, trainee: AttemptTrainee) => void;
}) {
	const sim = useSim();
	const t = useCohortTexts();
	// Stored data another release (or a hand) wrote is checked before use; if it does not pass,
	// the trainee is simply not in a cohort any more and sees the usual picker.
	const stored = useAtom($joined);
	const joined = () => checkedJoined(stored());
	if (stored() !== null && joined() === null) queueMicrotask(() => $joined.set(null));
	const assignment = () => joined()?.assignment;
	/**
	 * The assigned scenarios offered in the page's language, with their words: a trainer's own one
	 * has them in the assignment (and only in the languages it was written in), a built-in one in
	 * the texts.
	 */
	const offered = () =>
		(assignment()?.scenarios ?? []).flatMap((id) => {
			const own = assignment()?.own?.[id];
			if (own === undefined) {
				return [
					{ id, title: sim.t(`scenarios.${id}.title`), summary: sim.t(`scenarios.${id}.summary`) },
				];
			}
			const words = own[sim.locale];
			return words === undefined ? [] : [{ id, ...words }];
		});
	const [scenarioId, setScenarioId] = createSignal(offered()[0]?.id ?? "");
	const [mode, setMode] = createSignal<"assessment" | "practice">("assessment");
	const [error, setError] = createSignal("");
	const [busy, setBusy] = createSignal(false);
	// The last open day: the cohort closes at the midnight after it.
	const lastDay = () =>
		new Intl.DateTimeFormat(sim.locale, { dateStyle: "long" }).format(
			new Date(Date.parse(assignment()?.closesAt ?? "") - 1),
		);
	const start = async () => {
		const current = joined();
		if (!current) return;
		setBusy(true);
		setError("");
		const answer = await requestAttempt({
			code: current.assignment.code,
			name: current.name,
			scenarioId: scenarioId(),
			mode: mode(),
		});
		setBusy(false);
		if (!answer.ok) return setError(errorText(t, answer));
		props.onStart(answer.value, {
			name: current.name,
			cohort: "",
			joinCode: current.assignment.code,
		});
	};
	return (
		<Show when={joined()}>
			{(current) => (
				<form
					class="st-picker st-cohort"
					onSubmit={(e) => {
						e.preventDefault();
						void start();
					}}
				>
					<h3>{t("joined", { name: current().assignment.name })}</h3>
					<p>
						{t("closes", { date: lastDay() })} {t("you", { name: current().name })}
					</p>
					<fieldset class="st-group">
						<legend>{t("assigned")}</legend>
						<ul class="st-cards">
							<For each={offered()} fallback={<li>{t("noneInLanguage")}</li>}>
								{(s) => (
									<li class="st-card">
										<Radio
											name="scenario"
											value={s.id}
											checked={scenarioId() === s.id}
											onSelect={() => setScenarioId(s.id)}
										>
											<strong>{s.title}</strong>
										</Radio>
										<p>{s.summary}</p>
									</li>
								)}
							</For>
						</ul>
					</fieldset>
					<Show when={current().assignment.practice}>
						<fieldset class="st-group">
							<legend>{t("modeLegend")}</legend>
							<For each={["assessment", "practice"] as const}>
								{(m) => (
									<div class="st-radio">
										<Radio name="mode" value={m} checked={mode() === m} onSelect={() => setMode(m)}>
											<strong>{t(m)}</strong> – {t(`${m}Hint`)}
										</Radio>
									</div>
								)}
							</For>
						</fieldset>
					</Show>
					<Show when={error()}>
						<p class="st-form-error" role="alert">
							{error()}
						</p>
					</Show>
					<p role="status" class="st-status">
						{busy() ? t("starting") : ""}
					</p>
					<SubmitRow label={t("start")}>
						<button type="button" class="st-button" onClick={() => $joined.set(null)}>
							{t("leave")}
						</button>
					</SubmitRow>
				</form>
			)}
		</Show>
	);
}
