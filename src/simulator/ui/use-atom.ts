import { createSignal, onCleanup, type Accessor } from "solid-js";
import type { ReadableAtom } from "nanostores";

/**
 * Reads a nanostore in Solid. Unlike @nanostores/solid's useStore, which reconciles each new value
 * into a Solid store and thereby mutates the previous value in place, this hands Solid the value
 * as is: the model's states and logs are immutable and shared with the session's cache.
 */
export function useAtom<T>(store: ReadableAtom<T>): Accessor<T> {
	const [value, setValue] = createSignal<T>(store.get(), { equals: false });
	const unsubscribe = store.subscribe((next) => setValue(() => next));
	onCleanup(unsubscribe);
	return value;
}
