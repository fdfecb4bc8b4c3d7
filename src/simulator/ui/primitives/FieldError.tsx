import { Show } from "solid-js";

/** The reason a field was refused, under the field; `id` is what the field's aria-describedby names. */
export function FieldError(props: { id: string; message?: string | undefined }) {
	return (
		<Show when={props.message}>
			<p id={props.id} class="st-field__error">
				{props.message}
			</p>
		</Show>
	);
}
