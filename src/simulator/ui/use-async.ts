import { createEffect, createSignal, on, type Accessor } from "solid-js";

/**
 * The result of an async call that runs again whenever its source changes; undefined while it runs,
 * when the source is undefined, and when the call fails (callers offer a fallback instead).
 * A small stand-in for Solid's createResource, whose suspense machinery this UI does not use.
 */
export function useAsync<S, T>(
	source: () => S | undefined,
	run: (value: S) => Promise<T>,
): Accessor<T | undefined> {
	const [result, setResult] = createSignal<T>();
	createEffect(
		on(source, (value) => {
			setResult(undefined);
			if (value === undefined) return;
			run(value).then(
				// Only the latest source's answer counts.
				(answer) => source() === value && setResult(() => answer),
				() => undefined,
			);
		}),
	);
	return result;
}
