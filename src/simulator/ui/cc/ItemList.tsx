import { For, Show, createUniqueId, type JSX } from "solid-js";

/** A titled list of cards: a create button above, a message while it is empty. */
export function ItemList<T>(props: {
	title: string;
	createLabel: string;
	onCreate: () => void;
	empty: string;
	items: readonly T[];
	children: (item: T) => JSX.Element;
}) {
	const titleId = createUniqueId();
	return (
		<section aria-labelledby={titleId}>
			<h4 id={titleId}>{props.title}</h4>
			<div class="st-toolbar">
				<button type="button" class="st-button st-button--primary" onClick={() => props.onCreate()}>
					{props.createLabel}
				</button>
			</div>
			<Show when={props.items.length > 0} fallback={<p>{props.empty}</p>}>
				<ul class="st-cards">
					<For each={props.items}>{(item) => <li class="st-card">{props.children(item)}</li>}</For>
				</ul>
			</Show>
		</section>
	);
}
