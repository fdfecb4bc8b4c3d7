/**
 * The characters of generated join codes: digits and capitals without the look-alikes 0/O and
 * 1/I/L, so a code read aloud or copied from paper comes through.
 */
export const joinCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * A code as the server compares it: capitals and digits only, so "lw-7k3q-9d", "LW 7K3Q 9D" and
 * "LW7K3Q9D" are the same code.
 */
export function joinCodeKey(code: string): string {
	return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** A join code a trainer chooses: letters, digits and dashes, this long. */
export const joinCodeLength = { min: 4, max: 32 } as const;
export const joinCodePattern = new RegExp(
	`^[A-Z0-9][A-Z0-9-]{${joinCodeLength.min - 2},${joinCodeLength.max - 2}}[A-Z0-9]$`,
);
