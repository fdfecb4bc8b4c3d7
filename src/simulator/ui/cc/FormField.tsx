import { Field } from "../primitives/Field.tsx";
import { useSim } from "../context.tsx";
import type { ActionForm, Values } from "../form.ts";

/**
 * A field bound to one value of an action form by the action field's name: it shows and sets that
 * value, shows the refusal the model gives for that field, and is labelled `fields.<name>` unless a
 * label is given. One name links all four, so a refused field cannot show its error elsewhere.
 */
export interface BoundProps<V extends Values> {
	form: ActionForm<V>;
	name: keyof V & string;
	label?: string | undefined;
}

export function FormField<V extends Values>(
	props: BoundProps<V> & {
		type?: "text" | "email";
		multiline?: boolean;
		rows?: number;
		hint?: string;
		required?: boolean;
	},
) {
	const sim = useSim();
	return (
		<Field
			label={props.label ?? sim.t(`fields.${props.name}`)}
			value={props.form.values()[props.name] ?? ""}
			onInput={(value) => props.form.set(props.name, value)}
			error={props.form.errors()[props.name]}
			type={props.type}
			multiline={props.multiline}
			rows={props.rows}
			hint={props.hint}
			required={props.required}
		/>
	);
}
