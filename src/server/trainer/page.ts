import { STATUS_CODES } from "node:http";
import type { AstroGlobal } from "astro";
import { isLocale, translator, type Locale, type Translate } from "../../i18n/translator.ts";
import { serverContext, type ServerContext } from "../context.ts";
import { isTrainer } from "../trainer-session.ts";

/** What every trainer page works with. */
export interface TrainerPage {
	readonly locale: Locale;
	readonly t: Translate;
	readonly ctx: ServerContext;
	readonly signedIn: boolean;
	/** `/de/trainer/` or `/en/trainer/`. */
	readonly base: string;
}

/** Trainer pages show personal data: never cached, never indexed. */
export const privateHeaders: Readonly<Record<string, string>> = {
	"Cache-Control": "no-store",
	"X-Robots-Tag": "noindex, nofollow",
	"Referrer-Policy": "same-origin",
};

type PageGlobal = Pick<AstroGlobal, "params" | "request" | "url" | "response">;

/**
 * The opening of every trainer page: its language from the `[lang]` segment (a 404 otherwise), the
 * private headers, and whether a trainer is signed in. A page that needs a trainer sends everyone
 * else to the sign-in page, which brings them back here afterwards. Returns the page's context, or
 * the response to answer instead.
 */
export async function openTrainerPage(
	astro: PageGlobal,
	options: { readonly requireTrainer: boolean } = { requireTrainer: true },
): Promise<TrainerPage | Response> {
	const lang = astro.params.lang;
	if (!isLocale(lang)) return notFound();
	for (const [name, value] of Object.entries(privateHeaders))
		astro.response.headers.set(name, value);
	const ctx = await serverContext();
	const signedIn = isTrainer(astro.request, ctx);
	const base = `/${lang}/trainer/`;
	if (options.requireTrainer && !signedIn) {
		const next = safeNext(lang, `${astro.url.pathname}${astro.url.search}`);
		const login = `${base}login/${next === base ? "" : `?${new URLSearchParams({ next })}`}`;
		return new Response(null, { status: 303, headers: { ...privateHeaders, Location: login } });
	}
	return { locale: lang, t: translator(lang), ctx, signedIn, base };
}

/** Sets a page's error status with its reason phrase (Astro would keep "OK"). */
export function setStatus(astro: Pick<AstroGlobal, "response">, status: number): void {
	astro.response.status = status;
	astro.response.statusText = STATUS_CODES[status] ?? "";
}

const origin = "http://trainer.invalid";

/**
 * Where to go after signing in: only a trainer page of the same language, so the login form
 * cannot be used to redirect a trainer to another site. Returned percent-encoded, as a Location
 * header must be (a raw "€" in it would fail the whole response).
 */
export function safeNext(locale: Locale, next: string | null | undefined): string {
	const base = `/${locale}/trainer/`;
	if (typeof next !== "string" || !next.startsWith(base) || /[\\\s]|\/\//.test(next)) return base;
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return base;
	}
	if (url.origin !== origin || !url.pathname.startsWith(base)) return base;
	return `${url.pathname}${url.search}`;
}

export function notFound(): Response {
	return new Response("Seite nicht gefunden. / Page not found.\n", {
		status: 404,
		headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
	});
}
