import { newId, type ApplyContext } from "../context.ts";
import type { Refusal } from "../refusal.ts";
import { accepted, refuse, refused, type ApplyResult } from "../result.ts";
import type { State } from "../state.ts";

/**
 * Creating and editing an item of one of the account's lists (labels, configurations,
 * integrations) works the same for all three: a new item gets the next id and its creation time,
 * an edit keeps id and creation time and stamps the change. The lists differ only in what their
 * fields are and how they are checked, which stays with each list's handlers.
 */
type Lists = Pick<State, "labels" | "configurations" | "integrations">;
type ListName = keyof Lists;
type Item<K extends ListName> = Lists[K][number];
type Fields<K extends ListName> = Omit<Item<K>, "id" | "createdAt" | "updatedAt">;

const entity = {
	labels: "label",
	configurations: "configuration",
	integrations: "integration",
} as const;

/** Adds an item built from checked fields (or refuses with the check's refusal). */
export function createItem<K extends ListName>(
	state: State,
	ctx: ApplyContext,
	list: K,
	fields: Fields<K> | Refusal,
): ApplyResult {
	if ("code" in fields) return refused(fields);
	const at = ctx.now();
	const id = newId(ctx, entity[list], state.seq);
	const item = { id, ...fields, createdAt: at, updatedAt: at } as Item<K>;
	return accepted({ ...state, seq: state.seq + 1, [list]: [...state[list], item] }, [
		{ type: "created", entity: entity[list], id },
	]);
}

/**
 * Changes the item `id` names to the fields `check` returns for it; refuses on `idField` when
 * there is no such item, or with the check's refusal.
 */
export function editItem<K extends ListName>(
	state: State,
	ctx: ApplyContext,
	list: K,
	id: string,
	idField: string,
	check: (current: Item<K>) => Partial<Fields<K>> | Refusal,
): ApplyResult {
	const items: Item<K>[] = state[list].slice();
	const index = items.findIndex((item) => item.id === id);
	const current = items[index];
	if (current === undefined) return refuse("not-found", idField);
	const fields = check(current);
	if ("code" in fields) return refused(fields);
	items[index] = { ...current, ...fields, updatedAt: ctx.now() };
	return accepted({ ...state, [list]: items });
}
