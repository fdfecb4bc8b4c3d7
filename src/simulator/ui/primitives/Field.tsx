import { Show, createUniqueId, type JSX } from "solid-js";
import { FieldError } from "./FieldError.tsx";

interface FieldProps {
	label: string;
	value: string;
	onInput: (value: string) => void;
	error?: string | undefined;
	type?: "text" | "email" | undefined;
	multiline?: boolean | undefined;
	rows?: number | undefined;
	required?: boolean | undefined;
	hint?: string | undefined;
	autocomplete?: string;
	ref?: (el: HTMLInputElement | HTMLTextAreaElement) => void;
}

/** A labelled input whose error is announced with it (aria-invalid + aria-describedby). */
export function Field(props: FieldProps): JSX.Element {
	const id = createUniqueId();
	const errorId = `${id}-error`;
	const hintId = `${id}-hint`;
	const describedBy = () =>
		[props.hint ? hintId : "", props.error ? errorId : ""].filter(Boolean).join(" ") || undefined;
	// Written out on both controls rather than spread: a spread on an element pulls Solid's whole
	// generic attribute code into the bundle.
	const invalid = () => (props.error ? ("true" as const) : undefined);
	const required = () => (props.required ? ("true" as const) : undefined);
	return (
		<div class="st-field" classList={{ "st-field--invalid": !!props.error }}>
			<label for={id}>{props.label}</label>
			<Show when={props.hint}>
				<p id={hintId} class="st-field__hint">
					{props.hint}
				</p>
			</Show>
			<Show
				when={props.multiline}
				fallback={
					<input
						id={id}
						aria-invalid={invalid()}
						aria-describedby={describedBy()}
						aria-required={required()}
						ref={(el) => props.ref?.(el)}
						type={props.type ?? "text"}
						value={props.value}
						autocomplete={props.autocomplete ?? "off"}
						onInput={(e) => props.onInput(e.currentTarget.value)}
					/>
				}
			>
				<textarea
					id={id}
					aria-invalid={invalid()}
					aria-describedby={describedBy()}
					aria-required={required()}
					ref={(el) => props.ref?.(el)}
					rows={props.rows ?? 4}
					value={props.value}
					onInput={(e) => props.onInput(e.currentTarget.value)}
				/>
			</Show>
			<FieldError id={errorId} message={props.error} />
		</div>
	);
}
