import type { JSX } from "solid-js";
import { useSim } from "../context.tsx";

/** A small button whose accessible name says which item it acts on ("Edit Brotetikett"). */
export function ItemButton(props: {
	label: string;
	name: string;
	onClick: () => void;
	danger?: boolean;
}) {
	return (
		<button
			type="button"
			class="st-button st-button--small"
			classList={{ "st-button--danger": !!props.danger }}
			aria-label={props.name}
			onClick={() => props.onClick()}
		>
			{props.label}
		</button>
	);
}

/** Edit and Delete for one item of a list, after any item-specific buttons. */
export function RowActions(props: {
	name: string;
	onEdit: () => void;
	onDelete: () => void;
	children?: JSX.Element;
}) {
	const sim = useSim();
	return (
		<div class="st-row-actions">
			{props.children}
			<ItemButton
				label={sim.t("ui.common.edit")}
				name={sim.t("ui.common.editNamed", { name: props.name })}
				onClick={props.onEdit}
			/>
			<ItemButton
				danger
				label={sim.t("ui.common.delete")}
				name={sim.t("ui.common.deleteNamed", { name: props.name })}
				onClick={props.onDelete}
			/>
		</div>
	);
}
