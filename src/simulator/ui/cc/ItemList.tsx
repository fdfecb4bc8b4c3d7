import { For, Show, createUniqueId, type JSX } from "solid-js";
import { RowActions } from "./RowActions.tsx";

/**
 * A titled list of cards, one an item: its name, a line of details, and Edit and Delete after any
 * item-specific buttons; a create button above, a message while it is empty. `note` says where
 * the list is this trainer's stand-in for something Loftware Cloud does elsewhere.
 */
export function ItemList<T extends { name: string }>(props: {
	title: string;
	note?: string;
	createLabel: string;
	empty: string;
	items: readonly T[];
	onCreate: () => void;
	onEdit: (item: T) => void;
	onDelete: (item: T) => void;
	details: (item: T) => JSX.Element;
	actions?: (item: T) => JSX.Element;
}) {
	const titleId = createUniqueId();
	return (
		<section aria-labelledby={titleId}>
			<h4 id={titleId}>{props.title}</h4>
			<Show when={props.note}>
				<p class="st-note">{props.note}</p>
			</Show>
			<div class="st-toolbar">
				<button type="button" class="st-button st-button--primary" onClick={() => props.onCreate()}>
					{props.createLabel}
				</button>
			</div>
			<Show when={props.items.length > 0} fallback={<p>{props.empty}</p>}>
				<ul class="st-cards">
					<For each={props.items}>
						{(item) => (
							<li class="st-card">
								<h5>{item.name}</h5>
								<p>{props.details(item)}</p>
								<RowActions
									name={item.name}
									onEdit={() => props.onEdit(item)}
									onDelete={() => props.onDelete(item)}
								>
									{props.actions?.(item)}
								</RowActions>
							</li>
						)}
					</For>
				</ul>
			</Show>
		</section>
	);
}
