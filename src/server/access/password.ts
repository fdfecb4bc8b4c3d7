import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * Trainer passwords are kept only as scrypt hashes: `scrypt$N$r$p$salt$key` (salt and key in
 * base64url). Verification compares derived keys in constant time.
 */

const params = { N: 16_384, r: 8, p: 1 } as const;
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password.normalize("NFC"), salt, keyLength, options, (error, key) =>
			error ? reject(error) : resolve(key),
		),
	);
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, params);
	return [
		"scrypt",
		params.N,
		params.r,
		params.p,
		salt.toString("base64url"),
		key.toString("base64url"),
	].join("$");
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
	const [kind, n, r, p, salt, key] = hash.split("$");
	if (kind !== "scrypt" || salt === undefined || key === undefined) return false;
	const expected = Buffer.from(key, "base64url");
	const actual = await derive(password, Buffer.from(salt, "base64url"), {
		N: Number(n),
		r: Number(r),
		p: Number(p),
	});
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// No 0/O, 1/l/I: the password is read off a terminal and typed in.
const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random password of four groups of five characters (about 117 bits). */
export function generatePassword(): string {
	const groups: string[] = [];
	for (let g = 0; g < 4; g++) {
		let group = "";
		for (let i = 0; i < 5; i++) group += alphabet[randomInt(alphabet.length)];
		groups.push(group);
	}
	return groups.join("-");
}
