import { readText } from "../body.ts";
import type { ServerContext } from "../context.ts";
import { HttpError } from "../errors.ts";
import type { RequestMeta } from "../request.ts";
import { signIn, signOut } from "../access/sign-in.ts";

const loginBodyLimit = 4 * 1024;

/**
 * The e-mail (or sign-in name) and password from a JSON body `{ "email": …, "password": … }` or
 * the form fields of the same names.
 */
async function credentialsOf(request: Request): Promise<{ email: string; password: string }> {
	const type = request.headers.get("content-type") ?? "";
	const text = await readText(request, loginBodyLimit);
	if (/^application\/json\s*(;|$)/i.test(type)) {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			throw new HttpError(400, "malformed-json", "The request body is not valid JSON.");
		}
		const { email, password } = (value ?? {}) as { email?: unknown; password?: unknown };
		if (typeof email !== "string") {
			throw new HttpError(400, "bad-request", "email: expected a string");
		}
		if (typeof password !== "string") {
			throw new HttpError(400, "bad-request", "password: expected a string");
		}
		return { email, password };
	}
	if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
		const form = new URLSearchParams(text);
		return { email: form.get("email") ?? "", password: form.get("password") ?? "" };
	}
	throw new HttpError(415, "unsupported-media-type", "Send the password as JSON or a form.");
}

/**
 * POST /api/trainer/login: 204 with the session cookie, 401 for a wrong e-mail or password (the
 * same answer for both), or 429.
 */
export async function loginHandler(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
): Promise<Response> {
	const { email, password } = await credentialsOf(request);
	const result = await signIn(request, meta, ctx, email, password);
	if (result.ok) {
		const headers = new Headers({ "Cache-Control": "no-store" });
		for (const cookie of result.cookies) headers.append("Set-Cookie", cookie);
		return new Response(null, { status: 204, headers });
	}
	if (result.reason === "rate-limited") {
		throw new HttpError(
			429,
			"rate-limited",
			`Too many sign-in tries; try again in ${result.retryAfter} s.`,
			{ "Retry-After": String(result.retryAfter) },
		);
	}
	throw new HttpError(401, "unauthorized", "Wrong e-mail or password.");
}

/** POST /api/trainer/logout: ends the session; 204 with a cookie that clears it. */
export async function logoutHandler(request: Request, ctx: ServerContext): Promise<Response> {
	return new Response(null, {
		status: 204,
		headers: { "Set-Cookie": await signOut(request, ctx), "Cache-Control": "no-store" },
	});
}
