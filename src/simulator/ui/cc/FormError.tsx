import { Show } from "solid-js";

/** A refusal that names no single field, announced and focusable so keyboard users land on it. */
export function FormError(props: { message?: string | undefined }) {
	return (
		<Show when={props.message}>
			<p class="st-form-error" role="alert" tabindex="-1" data-form-error>
				{props.message}
			</p>
		</Show>
	);
}
