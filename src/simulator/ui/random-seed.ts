/** A fresh seed for a new variant: each start gets other names and addresses. */
export function randomSeed(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}
