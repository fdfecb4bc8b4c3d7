import type { JSX } from "solid-js";
import { Dialog } from "../primitives/Dialog.tsx";
import { useSim } from "../context.tsx";
import type { ActionForm } from "../form.ts";
import { FormError } from "./FormError.tsx";
import { SubmitRow } from "../primitives/SubmitRow.tsx";

/** A dialog holding one form: its refusal without a field on top, the submit and Cancel below. */
export function FormDialog(props: {
	title: string;
	open?: boolean;
	onClose: () => void;
	onSubmit: () => void;
	/** Shows the refusal that names no field, and finds the refused field to focus. */
	form: Pick<ActionForm, "ref" | "errors">;
	submitLabel?: string;
	children: JSX.Element;
}) {
	const sim = useSim();
	return (
		<Dialog
			open={props.open ?? true}
			title={props.title}
			onClose={props.onClose}
			modal={!sim.demo()}
		>
			<form
				ref={(el) => props.form.ref(el)}
				novalidate
				onSubmit={(event) => {
					event.preventDefault();
					props.onSubmit();
				}}
			>
				<FormError message={props.form.errors().form} />
				{props.children}
				<SubmitRow label={props.submitLabel ?? sim.t("ui.common.save")}>
					<button type="button" class="st-button" onClick={props.onClose}>
						{sim.t("ui.common.cancel")}
					</button>
				</SubmitRow>
			</form>
		</Dialog>
	);
}
