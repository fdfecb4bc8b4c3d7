// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import solid from "@astrojs/solid-js";
import solidDom from "vite-plugin-solid";
import node from "@astrojs/node";
import starlightLinksValidator from "starlight-links-validator";
import remarkHeadingId from "./src/markdown/remark-heading-id.mjs";

// The simulator is only ever rendered in the browser (see src/simulator/ui/entries/mount.tsx), so it
// is compiled for the DOM alone: without the hydration markers and runtime that @astrojs/solid-js's
// server-rendering setup adds, which cost about 1.3 KB gzip of the practice page's 60 KB budget.
const clientOnlySolid = /\/src\/simulator\/ui\/.*\.tsx$/;

// The public URL decides canonical links and the sitemap; set SITE_URL when deploying.
const site = process.env.SITE_URL ?? "http://localhost:4321";

export default defineConfig({
	site,
	// `npm run size:why` builds with source maps to attribute the bundle's bytes to their sources.
	vite: {
		plugins: [solidDom({ include: [clientOnlySolid], ssr: false })],
		build: { sourcemap: process.env.SOURCEMAP === "1" },
	},
	adapter: node({ mode: "standalone" }),
	markdown: { remarkPlugins: [remarkHeadingId] },
	integrations: [
		starlight({
			title: { de: "Staging Trainer", en: "Staging Trainer" },
			description:
				"Loftware Cloud Konten für Kunden einrichten und übergeben – Leitfaden und Übung.",
			defaultLocale: "de",
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
					items: [{ slug: "glossary" }, { slug: "trainers" }, { slug: "about" }],
				},
			],
		}),
		solid({ exclude: [clientOnlySolid] }),
	],
});
