/**
 * Reads a stream to its end as one array of bytes, or gives up once it has more than `limit`
 * bytes and returns null. The reader stays locked then: the caller decides whether to cancel the
 * stream or only release it (see server/body.ts for why the server must not cancel).
 */
export async function readAtMost(
	reader: ReadableStreamDefaultReader<Uint8Array>,
	limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) return null;
		chunks.push(value);
	}
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return out;
}
