import { Show, type JSX } from "solid-js";

/** What a list's editor is open for: a new item, an existing one, or nothing. */
export type EditTarget<T> = T | "new" | null;

/**
 * Shows a list's create-or-edit dialog while it is open: the dialog gets the item to edit, or
 * undefined to create one.
 */
export function EditorSlot<T>(props: {
	target: EditTarget<T>;
	children: (item: T | undefined) => JSX.Element;
}) {
	return (
		<Show when={props.target}>
			{(target) => props.children(target() === "new" ? undefined : (target() as T))}
		</Show>
	);
}
