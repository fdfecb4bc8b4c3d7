import { Select } from "../primitives/Select.tsx";
import { useSim } from "../context.tsx";
import type { Values } from "../form.ts";
import type { BoundProps } from "./FormField.tsx";

// FormSelect mirrors FormField for a select: the two primitives take different props, so the
// binding is written once for each. A file of its own, so the select's code loads only with the
// page that has one (Integrations), not with the first screen's forms.
/** A choice bound to one value of an action form, as FormField is. */
export function FormSelect<V extends Values>(
	props: BoundProps<V> & {
		options: readonly { value: string; label: string }[];
		placeholder?: string;
	},
) {
	const sim = useSim();
	return (
		<Select
			label={props.label ?? sim.t(`fields.${props.name}`)}
			value={props.form.values()[props.name] ?? ""}
			onChange={(value) => props.form.set(props.name, value)}
			error={props.form.errors()[props.name]}
			options={props.options}
			placeholder={props.placeholder}
		/>
	);
}
