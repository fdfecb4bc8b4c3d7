/** A small seeded PRNG (mulberry32) so variants are identical in every runtime for the same seed. */
export type Random = () => number;

/** FNV-1a hash of a string, to mix the scenario id into the seed. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export function seededRandom(key: string): Random {
	let a = hash(key);
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(random: Random, items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error("pick from an empty list");
	return item;
}

/** The first `count` items of a seeded Fisher-Yates shuffle: distinct picks without replacement. */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
	const copy = items.slice();
	const n = Math.min(count, copy.length);
	for (let i = 0; i < n; i++) {
		const j = i + Math.floor(random() * (copy.length - i));
		const tmp = copy[i] as T;
		copy[i] = copy[j] as T;
		copy[j] = tmp;
	}
	return copy.slice(0, n);
}
