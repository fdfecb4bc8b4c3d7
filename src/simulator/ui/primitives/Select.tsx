import { For, Show, createUniqueId } from "solid-js";
import { FieldError } from "./FieldError.tsx";

interface SelectProps {
	label: string;
	value: string;
	onChange: (value: string) => void;
	options: readonly { value: string; label: string }[];
	/** Shown as the only, empty option when there is nothing to choose. */
	placeholder?: string | undefined;
	error?: string | undefined;
}

export function Select(props: SelectProps) {
	const id = createUniqueId();
	const errorId = `${id}-error`;
	return (
		<div class="st-field" classList={{ "st-field--invalid": !!props.error }}>
			<label for={id}>{props.label}</label>
			<select
				id={id}
				value={props.value}
				aria-invalid={props.error ? "true" : undefined}
				aria-describedby={props.error ? errorId : undefined}
				onChange={(e) => props.onChange(e.currentTarget.value)}
			>
				<Show when={props.options.length === 0 && props.placeholder}>
					<option value="">{props.placeholder}</option>
				</Show>
				<For each={props.options}>
					{(o) => (
						<option value={o.value} selected={o.value === props.value}>
							{o.label}
						</option>
					)}
				</For>
			</select>
			<FieldError id={errorId} message={props.error} />
		</div>
	);
}
