import { defineMiddleware } from "astro:middleware";
import { onDemandPolicy } from "./server/http/headers.ts";

/**
 * The Content-Security-Policy of what the on-demand routes answer: see `onDemandPolicy`. The shell
 * (`src/server/http/shell.ts`) adds the other security headers to every response. Prerendered pages
 * get their policy as a `<meta>` from Astro and never pass here at run time.
 */
export const onRequest = defineMiddleware(async (context, next) => {
	const response = await next();
	if (context.isPrerendered) return response;
	const current = response.headers.get("content-security-policy");
	const policy = onDemandPolicy(context.url.pathname, current);
	return policy === null ? response : withHeaders(response, { "Content-Security-Policy": policy });
});

/** Sets headers, copying the response first if its headers are immutable (e.g. `Response.redirect`). */
function withHeaders(response: Response, changes: Record<string, string>): Response {
	try {
		for (const [name, value] of Object.entries(changes)) response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(changes)) copy.headers.set(name, value);
		return copy;
	}
}
