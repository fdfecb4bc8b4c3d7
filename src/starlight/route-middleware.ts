import { defineRouteMiddleware, type StarlightRouteData } from "@astrojs/starlight/route-data";
import { escapeHtml } from "../simulator/text/escape.ts";

/**
 * Starlight's `<Head>` writes every head entry's content with `set:html`, so a `<title>` holds raw
 * HTML: a trainee named `</title><img src=x onerror=…>` would run script in the trainer's page.
 * The title is text on every page (guide titles come from our frontmatter, trainer titles may name a
 * trainee), so its content is escaped here, once, for all of them. Attributes (`og:title`) are
 * escaped by Astro itself.
 */
export function escapeHeadText(head: StarlightRouteData["head"]): void {
	for (const entry of head) {
		if (entry.tag === "title" && entry.content !== undefined) {
			entry.content = escapeHtml(entry.content);
		}
	}
}

export const onRequest = defineRouteMiddleware((context) => {
	escapeHeadText(context.locals.starlightRoute.head);
});
