import { STATUS_CODES } from "node:http";
import type { AstroGlobal } from "astro";
import { isLocale, type Locale, type Translate } from "../../simulator/text/locale.ts";
import { translator } from "../../i18n/translator.ts";
import { serverContext, type ServerContext } from "../context.ts";
import { currentTrainer, type Acting } from "../access/sign-in.ts";
import { clientAddress } from "../request.ts";
import { mayAccess, type TrainerAccount } from "../access/accounts.ts";
import { listScenarios } from "../../simulator/scenarios/registry.ts";
import { titleOf } from "../scenarios/editor.ts";
import type { OwnScenario } from "../scenarios/store.ts";

/** What every trainer page works with. */
export interface TrainerPage {
	readonly locale: Locale;
	readonly t: Translate;
	readonly ctx: ServerContext;
	readonly signedIn: boolean;
	/** The trainer signed in, or null (on the sign-in and invitation pages). */
	readonly trainer: TrainerAccount | null;
	/** `/de/trainer/` or `/en/trainer/`. */
	readonly base: string;
	/** Trainers' own scenarios, the most recently changed first (none before signing in). */
	readonly ownScenarios: readonly OwnScenario[];
	/** A scenario's title in the page's language, built-in or a trainer's; its id if unknown. */
	scenarioTitle(id: string): string;
	/** The scenarios a cohort can assign: the built-in ones, then the trainers' published ones. */
	readonly assignable: readonly { readonly id: string; readonly title: string }[];
}

/** Trainer pages show personal data: never cached, never indexed. */
export const privateHeaders: Readonly<Record<string, string>> = {
	"Cache-Control": "no-store",
	"X-Robots-Tag": "noindex, nofollow",
	"Referrer-Policy": "same-origin",
};

/** The trainer pages anyone may open: signing in and out, and following an invitation. */
const publicPages = new Set(["login/", "logout/", "invitation/"]);

/**
 * The sign-in page shows nothing personal, and a trainer may well search for it: it alone may be
 * indexed. Every other trainer page shows attempts, names or cohorts.
 */
export function isIndexable(pathname: string): boolean {
	return trainerPath(pathname)?.rest === "login/";
}

/** The headers a trainer page goes out with: `privateHeaders`, less noindex where it may be found. */
export function trainerHeaders(pathname: string): Record<string, string> {
	if (!isIndexable(pathname)) return { ...privateHeaders };
	const { "X-Robots-Tag": _noindex, ...rest } = privateHeaders;
	return rest;
}

/**
 * `/<lang>/trainer/…`: the language segment and the rest, or null for any other path, the API's
 * `/api/trainer/…` included (it answers with JSON and checks the trainer itself).
 */
export function trainerPath(pathname: string): { lang: string; rest: string } | null {
	const match = /^\/([^/]+)\/trainer\/(.*)$/.exec(pathname);
	if (!match || match[1] === "api") return null;
	return { lang: match[1] ?? "", rest: match[2] ?? "" };
}

/**
 * The opening of every trainer page, run once by the middleware (`src/middleware.ts`) before the
 * page: its language from the path (a 404 otherwise) and whether a trainer is signed in. A page
 * that needs a trainer sends everyone else to the sign-in page, which brings them back afterwards.
 * Returns the page's context (the middleware puts it in `Astro.locals.trainer`), or the response
 * to answer instead. The middleware also sets `privateHeaders` on every trainer response.
 */
export async function openTrainerPage(
	request: Request,
	url: URL,
	context?: ServerContext,
): Promise<TrainerPage | Response> {
	const path = trainerPath(url.pathname);
	if (path === null || !isLocale(path.lang)) return notFound();
	const lang = path.lang;
	const ctx = context ?? (await serverContext());
	const trainer = await currentTrainer(request, ctx);
	const signedIn = trainer !== null;
	const base = `/${lang}/trainer/`;
	if (!publicPages.has(path.rest) && !signedIn) {
		const next = safeNext(lang, `${url.pathname}${url.search}`);
		const login = `${base}login/${next === base ? "" : `?${new URLSearchParams({ next })}`}`;
		return new Response(null, { status: 303, headers: { ...privateHeaders, Location: login } });
	}
	const t = translator(lang);
	// Titles come from every trainer's scenarios (an attempt may be on a public one); the lists
	// show the scenarios this trainer may see.
	const allScenarios = signedIn ? await ctx.scenarios.list() : [];
	const ownScenarios = trainer === null ? [] : allScenarios.filter((s) => mayAccess(trainer, s));
	const own = new Map(allScenarios.map((s) => [s.id, s]));
	const builtIn = new Set(listScenarios().map((s) => s.id));
	const scenarioTitle = (id: string) => {
		if (builtIn.has(id)) return t(`scenarios.${id}.title`);
		const found = own.get(id);
		return found === undefined ? id : titleOf(found, lang);
	};
	const assignable = [
		...listScenarios().map((s) => s.id),
		...ownScenarios.filter((s) => s.publishedVersion !== null).map((s) => s.id),
	].map((id) => ({ id, title: scenarioTitle(id) }));
	return { locale: lang, t, ctx, signedIn, trainer, base, ownScenarios, scenarioTitle, assignable };
}

/** The context the middleware opened for this trainer page. */
export function trainerPage(astro: Pick<AstroGlobal, "locals">): TrainerPage {
	const page = astro.locals.trainer;
	if (page === undefined) throw new Error("a trainer page outside /<lang>/trainer/");
	return page;
}

/**
 * The signed-in trainer and their address, for what a page changes: ownership and the audit trail.
 * Only on pages the middleware let through signed in.
 */
export function actingOf(astro: Pick<AstroGlobal, "locals" | "request" | "clientAddress">): Acting {
	const { trainer, ctx } = trainerPage(astro);
	if (trainer === null) throw new Error("a page that changes something, without a trainer");
	return {
		trainer,
		address: clientAddress(astro.request, { clientAddress: astro.clientAddress }, ctx.config),
	};
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
