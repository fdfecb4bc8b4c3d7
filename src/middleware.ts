import { defineMiddleware } from "astro:middleware";
import { onDemandPolicy, shellMark, shellMarkHeader } from "./server/http/headers.ts";
import { isDatabaseUnavailable } from "./server/database/database.ts";
import { openTrainerPage, trainerHeaders, trainerPath } from "./server/trainer/page.ts";
import { trainerPageUnavailable } from "./server/trainer/unavailable.ts";
import { isLocale } from "./simulator/text/locale.ts";

/**
 * On-demand routes answer only requests that came through the server shell (see `shellMarkHeader`),
 * and carry the Content-Security-Policy of `onDemandPolicy`. The shell (`src/server/http/shell.ts`)
 * adds the other security headers to every response. Prerendered pages get their policy as a
 * `<meta>` from Astro and never pass here at run time. The trainer pages are opened here too
 * (`openTrainerPage`), so each page only presents.
 */
export const onRequest = defineMiddleware(async (context, next) => {
	if (context.isPrerendered) return next();
	const mark = shellMark();
	if (
		!import.meta.env.DEV &&
		(mark === undefined || context.request.headers.get(shellMarkHeader) !== mark)
	) {
		return withoutShell(context.url.pathname);
	}
	let response: Response;
	const trainer = trainerPath(context.url.pathname);
	if (trainer !== null) {
		// The trainer area opens here once for all its pages: language, sign-in, private headers.
		try {
			const page = await openTrainerPage(context.request, context.url);
			if (page instanceof Response) {
				response = page;
			} else {
				context.locals.trainer = page;
				response = withHeaders(await next(), trainerHeaders(context.url.pathname));
			}
		} catch (error) {
			if (!isDatabaseUnavailable(error) || !isLocale(trainer.lang)) throw error;
			console.error("[score server] the score database is not available:", String(error));
			response = trainerPageUnavailable(trainer.lang, context.url);
		}
	} else {
		response = await next();
	}
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

/** The answer when the site was started without the server shell (see `shellMarkHeader`). */
function withoutShell(pathname: string): Response {
	const message =
		"This server was started without its shell. Start it with `npm start` or `node scripts/start.mjs`.";
	console.error(`[server] ${message}`);
	const api = pathname.startsWith("/api/");
	return new Response(api ? JSON.stringify({ error: "internal", message }) : `${message}\n`, {
		status: 500,
		headers: {
			"Content-Type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
			"Cache-Control": "no-store",
		},
	});
}
