import type { APIRoute } from "astro";
import { certificatePdf } from "../../../server/certificates/pdf.ts";
import { verifyCode, verifyHeaders, verifyUrl } from "../../../server/certificates/verify.ts";
import { serverContext } from "../../../server/context.ts";
import { guard, HttpError } from "../../../server/errors.ts";
import { isLocale } from "../../../simulator/text/locale.ts";

export const prerender = false;

/**
 * A certificate as PDF, for anyone with its code (it states what the public verification page
 * states): in the language asked for (`?lang=de|en`, German otherwise).
 */
export const GET: APIRoute = ({ request, params, clientAddress }) =>
	guard(async () => {
		const ctx = await serverContext();
		const code = params.code ?? "";
		const lang = new URL(request.url).searchParams.get("lang") ?? "de";
		if (!isLocale(lang)) throw new HttpError(400, "bad-request", "lang: expected de or en");
		const result = await verifyCode(request, { clientAddress }, ctx, code);
		if (result.kind === "limited") {
			throw new HttpError(
				429,
				"rate-limited",
				`Too many requests; try again in ${result.seconds} s.`,
				{
					"Retry-After": String(result.seconds),
				},
			);
		}
		if (result.kind === "not-genuine") {
			throw new HttpError(404, "not-found", "There is no certificate with this code.");
		}
		const { certificate } = result;
		const pdf = await certificatePdf(
			certificate,
			lang,
			verifyUrl(ctx, request, lang, certificate.code),
		);
		return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), {
			headers: {
				...verifyHeaders,
				"Content-Type": "application/pdf",
				"Content-Disposition": `attachment; filename="certificate-${certificate.code}.pdf"`,
			},
		});
	});
