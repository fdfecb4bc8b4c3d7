import { Show, type JSX } from "solid-js";
import type { Translate } from "../text/locale.ts";
import { Picker, type StartRequest } from "./Picker.tsx";
import type { OwnChoice } from "../client/own-scenarios.ts";

/**
 * The practice page before an attempt: join a cohort or pick a scenario and a mode. The same view
 * before the simulator's code has loaded (`Practice.tsx`) and after an attempt (`Simulator.tsx`).
 */
export function IdleScreen(props: {
	t: Translate;
	onStart: (request: StartRequest) => void;
	onJoin: () => void;
	/** Shows the cohort's join form (the children) in place of its button. */
	joining?: boolean;
	onIntent?: () => void;
	/** Trainers' scenarios offered besides the built-in ones, or (`preview`) instead of them. */
	own?: readonly OwnChoice[] | undefined;
	preview?: boolean | undefined;
	children?: JSX.Element;
}) {
	return (
		<>
			<h2>{props.t("ui.picker.title")}</h2>
			<Show
				when={props.joining || props.preview}
				fallback={
					<button
						type="button"
						class="st-button"
						onClick={() => props.onJoin()}
						onPointerEnter={() => props.onIntent?.()}
						onFocus={() => props.onIntent?.()}
					>
						{props.t("ui.picker.joinCohort")}
					</button>
				}
			>
				{!props.preview && props.children}
			</Show>
			<Picker
				t={props.t}
				onStart={props.onStart}
				onIntent={props.onIntent}
				own={props.own}
				preview={props.preview}
			/>
		</>
	);
}
