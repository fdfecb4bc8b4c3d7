import http from "node:http";

export interface RawAnswer {
	readonly status: number;
	readonly headers: http.IncomingHttpHeaders;
	readonly body: string;
}

/**
 * A request with Node's own client, for methods and headers that fetch, a browser or Playwright
 * would not send (TRACE, CONNECT, several X-Forwarded-* values). Used by unit and browser tests.
 */
export function rawRequest(
	base: string,
	method: string,
	path: string,
	headers: Record<string, string> = {},
): Promise<RawAnswer> {
	return new Promise((resolve, reject) => {
		const request = http.request(`${base}${path}`, { method, headers }, (res) => {
			let body = "";
			res.setEncoding("utf8");
			res.on("data", (c) => (body += c));
			res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
		});
		request.on("error", reject);
		request.end();
	});
}
