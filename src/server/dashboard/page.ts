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

/** The page's language from its `[lang]` segment and whether a trainer is signed in; null = 404. */
export async function trainerPage(
	lang: string | undefined,
	request: Request,
): Promise<TrainerPage | null> {
	if (!isLocale(lang)) return null;
	const ctx = await serverContext();
	return {
		locale: lang,
		t: translator(lang),
		ctx,
		signedIn: isTrainer(request, ctx),
		base: `/${lang}/trainer/`,
	};
}

/** Trainer pages show personal data: never cached, never indexed. */
export const privateHeaders: Readonly<Record<string, string>> = {
	"Cache-Control": "no-store",
	"X-Robots-Tag": "noindex, nofollow",
	"Referrer-Policy": "same-origin",
};

/**
 * Where to go after signing in: only a trainer page of the same language, so the login form
 * cannot be used to redirect a trainer to another site.
 */
export function safeNext(locale: Locale, next: string | null | undefined): string {
	const base = `/${locale}/trainer/`;
	if (typeof next !== "string" || !next.startsWith(base) || /[\\\s]|\/\//.test(next)) return base;
	return next;
}

export function notFound(): Response {
	return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
}
