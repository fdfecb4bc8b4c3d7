import { createHmac, randomInt, timingSafeEqual } from "node:crypto";

/**
 * A certificate's verification code: `XXXX-XXXX-XXXX-XXXX`, the certificate's random id (8
 * characters) followed by the server's signature of it (8 characters, 40 bits of an HMAC-SHA256
 * under the server's secret). A forged or altered code fails the signature and is refused without
 * looking anything up; letters that look alike (0/O, 1/I/L) are left out, and the code is read in
 * any letter case, with or without dashes.
 */
export const codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const idLength = 8;
const macLength = 8;

function signature(secret: string, id: string): string {
	const mac = createHmac("sha256", secret).update(`certificate:${id}`).digest();
	let out = "";
	for (let i = 0; i < macLength; i++) out += codeAlphabet[(mac[i] ?? 0) % codeAlphabet.length];
	return out;
}

/** A new certificate id (the code's first half). */
export function newCertificateId(): string {
	return Array.from({ length: idLength }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join(
		"",
	);
}

/** The code of certificate `id`, signed with `secret`. */
export function certificateCode(secret: string, id: string): string {
	const all = `${id}${signature(secret, id)}`;
	return all.match(/.{4}/g)?.join("-") ?? all;
}

/** The certificate id a code names, if the server signed it; null for anything else. */
export function verifiedId(secret: string, code: string): string | null {
	const plain = code.toUpperCase().replace(/[\s-]/g, "");
	if (plain.length !== idLength + macLength) return null;
	if ([...plain].some((c) => !codeAlphabet.includes(c))) return null;
	const id = plain.slice(0, idLength);
	const given = Buffer.from(plain.slice(idLength));
	const expected = Buffer.from(signature(secret, id));
	return timingSafeEqual(given, expected) ? id : null;
}
