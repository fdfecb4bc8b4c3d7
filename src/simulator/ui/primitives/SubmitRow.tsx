import type { JSX } from "solid-js";

/** A form's buttons: the primary submit button first, then any others (Cancel, Remove …). */
export function SubmitRow(props: { label: string; children?: JSX.Element }) {
	return (
		<div class="st-actions">
			<button type="submit" class="st-button st-button--primary">
				{props.label}
			</button>
			{props.children}
		</div>
	);
}
