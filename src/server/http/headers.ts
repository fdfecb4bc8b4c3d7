import { isPrivatePath } from "./routes.ts";

/**
 * Security headers. The shell sets `siteHeaders` on every response, the static guide's files
 * included; the Astro middleware sets `onDemandPolicy` on what the on-demand routes answer, where
 * it can see the Content-Security-Policy Astro computed for the page.
 */

/** Features no page of the site uses; denied so that injected content cannot ask for them. */
const deniedFeatures = [
	"accelerometer",
	"camera",
	"geolocation",
	"gyroscope",
	"magnetometer",
	"microphone",
	"payment",
	"usb",
];

export const siteHeaders: Readonly<Record<string, string>> = {
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy": "strict-origin-when-cross-origin",
	"Permissions-Policy": deniedFeatures.map((f) => `${f}=()`).join(", "),
	"Cross-Origin-Opener-Policy": "same-origin",
};

/** Trainer pages and the API must never be framed (clickjacking on the sign-in or import form). */
export const privateFrameHeaders: Readonly<Record<string, string>> = {
	"X-Frame-Options": "DENY",
};

/**
 * For responses that are not Astro pages (JSON, CSV, the language redirect): nothing may load,
 * run, submit or frame them.
 */
export const lockedDownPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * The Content-Security-Policy an on-demand response should carry. Pages come with Astro's policy
 * (script and style hashes, `astro.config.mjs`); trainer pages get `frame-ancestors 'none'` added,
 * which only a header can say (browsers ignore it in a `<meta>`). Other responses get the locked-down
 * policy. Returns null to leave the response's policy as it is.
 */
export function onDemandPolicy(pathname: string, current: string | null): string | null {
	const frame = isPrivatePath(pathname) ? "frame-ancestors 'none'" : null;
	const base = current ?? lockedDownPolicy;
	if (frame === null) return current === null ? base : null;
	return `${base.replace(/[\s;]+$/, "")}; ${frame}`;
}

/**
 * How the site tells a request that came through the server shell: the shell puts a secret of the
 * process in this header (replacing any a client sent) and under `shellMarkKey` on `globalThis`.
 * Started any other way (`astro preview`, `node dist/server/entry.mjs`), the site would trust
 * X-Forwarded-* headers from anyone and send pages without the shell's headers, so the middleware
 * refuses on-demand requests without the mark.
 */
export const shellMarkHeader = "x-staging-trainer-shell";
export const shellMarkKey = Symbol.for("staging-trainer.shell-mark");

export function shellMark(): string | undefined {
	const mark = (globalThis as Record<symbol, unknown>)[shellMarkKey];
	return typeof mark === "string" ? mark : undefined;
}
