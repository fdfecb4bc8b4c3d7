import { For, Show, createSignal, lazy } from "solid-js";
import type { Translate } from "../text/locale.ts";
import type { AttemptMode, AttemptTrainee } from "../attempt/schema.ts";
import { listScenarios } from "../scenarios/registry.ts";
import type { OwnChoice } from "../client/own-scenarios.ts";
import { LazyPart } from "./Loading.tsx";
import { traineeGate } from "./trainee-gate.ts";
import { Radio } from "./primitives/Radio.tsx";
import { SubmitRow } from "./primitives/SubmitRow.tsx";

const TraineeFields = lazy(() => import("./TraineeFields.tsx"));

/** What the picker starts: a scenario in a mode, with the trainee for an assessment. */
export type StartRequest = {
	scenarioId: string;
	mode: AttemptMode;
	trainee?: AttemptTrainee | undefined;
	/** A trainer's own scenario (offered to everyone, or a draft in a trainer's preview). */
	own?: OwnChoice | undefined;
};

/** A scenario as the picker lists it, built-in or a trainer's. */
interface Choice {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly kind: string;
	readonly difficulty: number;
	readonly own?: OwnChoice;
}

/**
 * Choose a scenario and a mode, then start; each start gets its own seeded variant. It is the
 * practice page's first screen, shown before the workspace's code has loaded (`Practice.tsx`), so
 * it gets its texts as a prop and uses no part of the simulator's core.
 */
export function Picker(props: {
	t: Translate;
	onStart: (request: StartRequest) => void;
	/** The trainee is about to use the picker: the moment to fetch what Start will need. */
	onIntent?: () => void;
	/** Trainers' scenarios offered besides the built-in ones. */
	own?: readonly OwnChoice[] | undefined;
	/** Only the trainers' scenarios given, in these modes: a trainer's preview of a draft. */
	preview?: boolean | undefined;
}) {
	const builtIn = (): Choice[] =>
		props.preview
			? []
			: listScenarios().map((s) => ({
					id: s.id,
					title: props.t(`scenarios.${s.id}.title`),
					summary: props.t(`scenarios.${s.id}.summary`),
					kind: s.kind ?? "staging",
					difficulty: s.difficulty,
				}));
	const scenarios = (): Choice[] => [
		...builtIn(),
		...(props.own ?? []).map((own) => ({ ...own, own })),
	];
	const [picked, setScenarioId] = createSignal<string>();
	const scenarioId = () => picked() ?? scenarios()[0]?.id ?? "";
	const [mode, setMode] = createSignal<AttemptMode>("practice");
	const modes = (): AttemptMode[] =>
		props.preview ? ["practice", "demo"] : ["practice", "assessment", "demo"];
	const request = (trainee?: AttemptTrainee): StartRequest => ({
		scenarioId: scenarioId(),
		mode: mode(),
		trainee,
		own: scenarios().find((s) => s.id === scenarioId())?.own,
	});
	// The trainee's fields check themselves once their code is there (see trainee-gate.ts).
	const gate = traineeGate((trainee) => {
		if (mode() === "assessment") props.onStart(request(trainee));
	});
	const submit = () => {
		if (mode() !== "assessment") return props.onStart(request());
		gate.submit();
	};
	return (
		<form
			class="st-picker"
			onPointerEnter={() => props.onIntent?.()}
			onFocusIn={() => props.onIntent?.()}
			onTouchStart={() => props.onIntent?.()}
			onSubmit={(e) => {
				e.preventDefault();
				submit();
			}}
		>
			<fieldset class="st-group">
				<legend>{props.t("ui.picker.scenario")}</legend>
				<ul class="st-cards">
					<For each={scenarios()}>
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
								<p>
									{s.own && !props.preview && <>{props.t("ui.picker.own")} · </>}
									{props.t(`ui.picker.kinds.${s.kind}`)} ·{" "}
									{props.t("ui.picker.difficulty", { level: s.difficulty })} · {s.summary}
								</p>
							</li>
						)}
					</For>
				</ul>
			</fieldset>
			<fieldset class="st-group">
				<legend>{props.t("ui.picker.mode")}</legend>
				<For each={modes()}>
					{(m) => (
						<div class="st-radio">
							<Radio name="mode" value={m} checked={mode() === m} onSelect={() => setMode(m)}>
								<strong>{props.t(`ui.modes.${m}.name`)}</strong> –{" "}
								{props.t(`ui.modes.${m}.description`)}
							</Radio>
						</div>
					)}
				</For>
			</fieldset>
			<Show when={mode() === "assessment"}>
				<LazyPart t={props.t}>
					<TraineeFields t={props.t} ready={gate.ready} />
				</LazyPart>
			</Show>
			<SubmitRow label={props.t("ui.picker.start")} />
		</form>
	);
}
