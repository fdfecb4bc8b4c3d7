/**
 * The aria-describedby of a trainer form control with a hint and a refusal, as TrainerField shows
 * them; undefined when there is neither.
 */
export function describedBy(
	id: string,
	parts: { readonly hint?: unknown; readonly error?: unknown },
): string | undefined {
	const ids = [parts.hint ? `${id}-hint` : "", parts.error ? `${id}-error` : ""].filter(Boolean);
	return ids.length === 0 ? undefined : ids.join(" ");
}
