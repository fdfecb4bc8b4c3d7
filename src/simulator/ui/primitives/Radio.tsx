import type { JSX } from "solid-js";

/** One choice of a radio group, labelled by its children. */
export function Radio(props: {
	name: string;
	value: string;
	checked: boolean;
	onSelect: () => void;
	children: JSX.Element;
}) {
	return (
		<label>
			<input
				type="radio"
				name={props.name}
				value={props.value}
				checked={props.checked}
				onChange={() => props.onSelect()}
			/>{" "}
			{props.children}
		</label>
	);
}
