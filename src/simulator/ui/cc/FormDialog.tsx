import type { JSX } from "solid-js";
import { Dialog } from "../primitives/Dialog.tsx";
import { useSim } from "../context.tsx";
import { FormError } from "./FormError.tsx";

/** A dialog holding one form: its refusal without a field on top, the submit and Cancel below. */
export function FormDialog(props: {
	title: string;
	open?: boolean;
	onClose: () => void;
	onSubmit: () => void;
	formError?: string | undefined;
	submitLabel?: string;
	ref?: (form: HTMLFormElement) => void;
	children: JSX.Element;
}) {
	const sim = useSim();
	return (
		<Dialog open={props.open ?? true} title={props.title} onClose={props.onClose}>
			<form
				ref={(el) => props.ref?.(el)}
				novalidate
				onSubmit={(event) => {
					event.preventDefault();
					props.onSubmit();
				}}
			>
				<FormError message={props.formError} />
				{props.children}
				<div class="st-actions">
					<button type="submit" class="st-button st-button--primary">
						{props.submitLabel ?? sim.t("ui.common.save")}
					</button>
					<button type="button" class="st-button" onClick={props.onClose}>
						{sim.t("ui.common.cancel")}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
