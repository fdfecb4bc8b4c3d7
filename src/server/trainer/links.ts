/** A link to `path` with the current query changed: `undefined` removes a parameter. */
export function withParams(
	path: string,
	current: URLSearchParams,
	changes: Readonly<Record<string, string | undefined>>,
): string {
	const params = new URLSearchParams(current);
	for (const [key, value] of Object.entries(changes)) {
		if (value === undefined || value === "") params.delete(key);
		else params.set(key, value);
	}
	const query = params.toString();
	return query === "" ? path : `${path}?${query}`;
}
