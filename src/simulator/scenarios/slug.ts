/**
 * ASCII forms of names for e-mail addresses and domains: German umlauts become ae/oe/ue/ss as a
 * German company would spell its domain; other letters lose their accents.
 */
const special: Record<string, string> = {
	ä: "ae",
	ö: "oe",
	ü: "ue",
	ß: "ss",
	æ: "ae",
	ø: "o",
	œ: "oe",
	ł: "l",
	đ: "d",
	ð: "d",
	þ: "th",
	ı: "i",
};

export function asciiFold(value: string): string {
	return value
		.toLowerCase()
		.replace(/[äöüßæøœłđðþı]/g, (c) => special[c] ?? c)
		.normalize("NFD")
		.replace(/[\u0300-\u036f]/g, "");
}

/** A lower-case slug of letters, digits and single hyphens, e.g. "Weißenfels & Co" -> "weissenfels-co". */
export function slug(value: string): string {
	return asciiFold(value)
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "");
}

/** The local part of a personal address: "Zoë O'Neill-Brown" -> "zoe.oneill-brown". */
export function personLocalPart(firstName: string, lastName: string): string {
	const part = (name: string) =>
		asciiFold(name)
			.replace(/['’]/g, "")
			.replace(/[^a-z0-9]+/g, "-")
			.replace(/^-+|-+$/g, "");
	return `${part(firstName)}.${part(lastName)}`;
}
