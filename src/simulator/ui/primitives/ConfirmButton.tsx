import { createSignal } from "solid-js";
import { useSim } from "../context.tsx";
import { Dialog } from "./Dialog.tsx";

/**
 * A button for a step that cannot be undone (discarding a run, ending an assessment): it asks
 * first, in a modal dialog whose focus starts on the safe choice, so one stray click or Enter
 * loses nothing.
 */
export function ConfirmButton(props: {
	label: string;
	title: string;
	text: string;
	confirmLabel: string;
	onConfirm: () => void;
	primary?: boolean;
}) {
	const sim = useSim();
	const [open, setOpen] = createSignal(false);
	let keep: HTMLButtonElement | undefined;
	return (
		<>
			<button
				type="button"
				class="st-button"
				classList={{ "st-button--primary": !!props.primary }}
				aria-haspopup="dialog"
				onClick={() => setOpen(true)}
			>
				{props.label}
			</button>
			<Dialog
				open={open()}
				title={props.title}
				onClose={() => setOpen(false)}
				initialFocus={() => keep}
			>
				<p>{props.text}</p>
				<div class="st-actions">
					<button
						type="button"
						class="st-button st-button--primary"
						onClick={() => {
							setOpen(false);
							props.onConfirm();
						}}
					>
						{props.confirmLabel}
					</button>
					<button ref={keep} type="button" class="st-button" onClick={() => setOpen(false)}>
						{sim.t("ui.confirm.keep")}
					</button>
				</div>
			</Dialog>
		</>
	);
}
