import { escapeHtml } from "../../simulator/text/escape.ts";
import { translator } from "../../i18n/translator.ts";
import type { Locale } from "../../simulator/text/locale.ts";
import { storeRetrySeconds } from "../errors.ts";
import { privateHeaders } from "./page.ts";

/**
 * A trainer page while the score database cannot be reached (PostgreSQL restarting, say): a 503
 * in the trainer's language that says so and offers a reload, instead of a bare server error. The
 * page is plain HTML without styles or scripts (the trainer area's policy allows neither inline),
 * so it needs nothing that might itself be unavailable.
 */
export function trainerPageUnavailable(lang: Locale, url: URL): Response {
	const t = translator(lang);
	const title = escapeHtml(t("trainer.unavailable.title"));
	const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${title}</title></head>
<body>
<main>
<h1>${title}</h1>
<p>${escapeHtml(t("trainer.unavailable.body"))}</p>
<p><a href="${escapeHtml(url.pathname + url.search)}">${escapeHtml(t("trainer.unavailable.reload"))}</a></p>
</main>
</body>
</html>
`;
	return new Response(html, {
		status: 503,
		headers: {
			...privateHeaders,
			"Content-Type": "text/html; charset=utf-8",
			"Retry-After": String(storeRetrySeconds),
		},
	});
}
