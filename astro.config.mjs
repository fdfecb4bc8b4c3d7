// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import solid from "@astrojs/solid-js";
import solidDom from "vite-plugin-solid";
import node from "@astrojs/node";
import starlightLinksValidator from "starlight-links-validator";
import remarkHeadingId from "./src/markdown/remark-heading-id.mjs";
import { inlineScriptHashes } from "./src/starlight/inline-script-hashes.mjs";
import { precompressIntegration } from "./src/build/precompress.mjs";
import { lmsRuntimeIntegration } from "./src/build/lms-runtime.ts";
import { lazyPreloadPlugin } from "./src/build/lazy-preload.mjs";

// The simulator is only ever rendered in the browser (see src/simulator/ui/entries/mount.tsx), so it
// is compiled for the DOM alone: without the hydration markers and runtime that @astrojs/solid-js's
// server-rendering setup adds, which cost about 1.3 KB gzip of the practice page's JavaScript.
const clientOnlySolid = /\/src\/simulator\/ui\/.*\.tsx$/;

// The public URL decides canonical links and the sitemap; set SITE_URL when deploying.
const site = process.env.SITE_URL ?? "http://localhost:4321";

export default defineConfig({
	site,
	// `npm run size:why` builds with source maps to attribute the bundle's bytes to their sources.
	vite: {
		plugins: [solidDom({ include: [clientOnlySolid], ssr: false }), lazyPreloadPlugin()],
		build: { sourcemap: process.env.SOURCEMAP === "1" },
		environments: {
			client: {
				build: {
					rolldownOptions: {
						output: {
							// The simulator's pure core and zod in one chunk that every simulator entry
							// shares: left to itself Rolldown cuts them into many small chunks by which lazy
							// part reaches which module, and each costs bytes and a request. A higher
							// priority captures a module (and what it imports) first.
							codeSplitting: {
								groups: [
									{
										// Vite's helper for lazy imports, which Starlight's search uses too: on
										// its own, so a guide page never loads a simulator chunk to get it.
										name: "preload-helper",
										priority: 3,
										test: (id) => /preload-helper/.test(id),
									},
									{
										// The practice page's first screen (`ui/Practice.tsx`): the scenario picker
										// with the libraries it needs. The rest of the simulator is fetched when the
										// trainee turns to the picker, so the page's first load stays small.
										name: "simulator-first",
										priority: 2,
										test: (id) =>
											/node_modules[\\/](solid-js[\\/](dist|web)|nanostores|@nanostores)[\\/]|src[\\/]content[\\/]scenarios[\\/]|src[\\/]i18n[\\/]i18n-core\.ts$|src[\\/]simulator[\\/](ui[\\/](Practice|IdleScreen|Picker|Loading|context|use-atom|entries[\\/]mount|primitives[\\/](Field|FieldError|SubmitRow|Radio))\.tsx?|store[\\/]cohort\.ts|attempt[\\/]storage-key\.ts|scenarios[\\/]registry\.ts|version\.ts)$/.test(
												id,
											),
									},
									{
										name: "simulator-core",
										priority: 1,
										// What the workspace needs; the demo's, the results' and the
										// submission's own parts stay in their lazily loaded chunks.
										test: (id) =>
											/src[\\/]simulator[\\/](model|process|grading|scenarios|attempt)[\\/]|node_modules[\\/]zod[\\/]/.test(
												id,
											) &&
											!/(repair|solution|explain|completion-code|plausibility|attempt[\\/](grade|index|cohort))\.ts$/.test(
												id,
											),
									},
									{
										name: "simulator-ui",
										// The workspace's parts that the lazily loaded pages and the
										// trainer's replay share (form state, dialogs, the session store
										// and Control Center's frame): one chunk, not one per combination
										// of entries that use them.
										test: (id) =>
											/src[\\/]simulator[\\/](ui[\\/](form\.ts|primitives[\\/](Dialog|ConfirmButton)\.tsx|cc[\\/](Form\w*|ControlCenter|OrderForm|Dashboard)\.tsx|cc[\\/]navigation\.ts)|store[\\/]session\.ts)$/.test(
												id,
											),
									},
								],
							},
						},
					},
				},
			},
		},
	},
	adapter: node({ mode: "standalone" }),
	security: {
		// Form posts must come from the site itself (CSRF); kept on.
		checkOrigin: true,
		// Astro may build a request's URL from X-Forwarded-Proto/-Host, so that behind a TLS proxy its
		// origin check sees the public https address. Which of those headers reach Astro is decided
		// at run time by the server shell (src/server/http/shell.ts): none unless TRUST_PROXY is set,
		// and then only the proxy's own, with the host fixed to SITE_URL's.
		allowedDomains: [{}],
		// A Content-Security-Policy on every page: a <meta> on the prerendered guide, a header on the
		// trainer pages (plus frame-ancestors, src/middleware.ts). Scripts and <style> elements only
		// from the site or by hash; style attributes stay allowed, as Starlight and Solid write them
		// (they cannot run script).
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: {
				// Pagefind's search compiles WebAssembly.
				resources: ["'self'", "'wasm-unsafe-eval'"],
				hashes: inlineScriptHashes(),
			},
			styleDirective: {
				resources: ["'self'", { resource: "'unsafe-inline'", kind: "attribute" }],
			},
		},
	},
	// Starlight highlights code with Expressive Code; Astro's own Shiki (inline styles, which the CSP
	// below refuses) stays off.
	markdown: { remarkPlugins: [remarkHeadingId], syntaxHighlight: false },
	integrations: [
		starlight({
			title: { de: "Staging Trainer", en: "Staging Trainer" },
			description:
				"Loftware Cloud Konten für Kunden einrichten und übergeben – Leitfaden und Übung.",
			defaultLocale: "de",
			head: [
				// Paint a page only once all of it has been read: a long guide page painted while its
				// header, sidebar or table of contents is still arriving would move them into place in
				// front of the reader (layout shift). No element has this id, so rendering waits for the
				// end of the document; it arrives in one compressed response, so this costs little.
				{ tag: "link", attrs: { rel: "expect", href: "#st-page-end", blocking: "render" } },
			],
			customCss: ["./src/styles/guide.css"],
			// Escapes every page's <title>, which Starlight writes as raw HTML (see the file).
			routeMiddleware: "./src/starlight/route-middleware.ts",
			locales: {
				de: { label: "Deutsch", lang: "de" },
				en: { label: "English", lang: "en" },
			},
			plugins: [
				starlightLinksValidator({
					errorOnRelativeLinks: false,
					// The trainer area is rendered on demand, so the validator cannot see its pages.
					exclude: ["/de/trainer/", "/en/trainer/", "/de/trainer/**", "/en/trainer/**"],
				}),
			],
			sidebar: [
				{
					label: "Leitfaden",
					translations: { en: "Guide" },
					items: [
						{ slug: "index" },
						{ slug: "staging" },
						{ slug: "access-roles" },
						{ slug: "users" },
						{ slug: "troubleshooting" },
						{ slug: "practice" },
					],
				},
				{
					label: "Nachschlagen",
					translations: { en: "Reference" },
					items: [
						{ slug: "glossary" },
						{ slug: "trainers" },
						{ slug: "own-scenarios" },
						{ slug: "about" },
					],
				},
			],
		}),
		solid({ exclude: [clientOnlySolid] }),
		// The simulator SCORM packages carry, for the trainers' downloads (server/lms/).
		lmsRuntimeIntegration(["de", "en"]),
		// Last, so it sees every file the other integrations wrote (the sitemap, Pagefind).
		precompressIntegration(),
	],
});
