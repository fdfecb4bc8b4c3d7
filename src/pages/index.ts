import type { APIRoute } from "astro";
import { negotiateLocale } from "../i18n/negotiate";
import de from "../i18n/de.json";
import en from "../i18n/en.json";

// Rendered per request so the visitor's Accept-Language can choose the guide's language.
export const prerender = false;

export const GET: APIRoute = ({ request }) => {
	const locale = negotiateLocale(request.headers.get("accept-language"));
	const text = locale === "en" ? en.site : de.site;
	// The body still offers both languages to clients that do not follow redirects.
	const body = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Staging Trainer</title></head>
<body>
<main>
<h1>Staging Trainer</h1>
<p>${text.chooseLanguage}:</p>
<ul>
<li><a href="/de/" hreflang="de" lang="de">${de.site.german}</a></li>
<li><a href="/en/" hreflang="en" lang="en">${en.site.english}</a></li>
</ul>
</main>
</body>
</html>`;
	return new Response(body, {
		status: 302,
		headers: {
			Location: `/${locale}/`,
			Vary: "Accept-Language",
			"Content-Type": "text/html; charset=utf-8",
		},
	});
};
