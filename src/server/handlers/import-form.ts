import type { Translate } from "../../simulator/text/locale.ts";
import { attemptBodyLimit, readBody } from "../body.ts";
import type { ServerContext } from "../context.ts";
import { actorOf, type Acting } from "../access/sign-in.ts";
import { HttpError } from "../errors.ts";
import { importBodyLimit } from "../attempts/import-limits.ts";
import {
	importEntries,
	maxImportEntries,
	splitCodes,
	type ImportEntry,
	type ImportResult,
} from "../attempts/import.ts";

/** What the import page shows after a post: the status, the results, and a message above them. */
export interface ImportAnswer {
	readonly status: 200 | 400 | 413;
	readonly results: ImportResult[] | null;
	/** Why nothing was imported (a broken or empty form). */
	readonly message?: string;
	/** Said above the results when some entries were not read. */
	readonly notice?: string;
}

/**
 * POST /<lang>/trainer/import/: the trainer's result files and pasted completion codes, read
 * from the multipart form and imported (`importEntries`). The page only shows the answer.
 */
export async function importForm(
	request: Request,
	ctx: ServerContext,
	t: Translate,
	acting: Acting,
): Promise<ImportAnswer> {
	let form: FormData;
	try {
		const body = await readBody(request, importBodyLimit);
		form = await new Response(body, {
			headers: { "Content-Type": request.headers.get("content-type") ?? "" },
		}).formData();
	} catch (error) {
		// Too large, or not a form at all (cut off, or not multipart): say which.
		const tooLarge = error instanceof HttpError && error.status === 413;
		return {
			status: tooLarge ? 413 : 400,
			results: null,
			message: tooLarge
				? t("trainer.import.tooLarge", { megabytes: importBodyLimit / 1024 / 1024 })
				: t("trainer.import.malformed"),
		};
	}
	// The first `maxImportEntries` are imported; as many again are listed as not imported, and the
	// notice counts the rest, so that a huge paste cannot make a huge page.
	const listed = 2 * maxImportEntries;
	const files = form
		.getAll("files")
		.filter((file): file is File => typeof file !== "string" && file.size > 0);
	const pasted = form.get("codes");
	const { codes, total: codeCount } = splitCodes(
		typeof pasted === "string" ? pasted : "",
		Math.max(0, listed - files.length),
	);
	const total = files.length + codeCount;
	if (total === 0) return { status: 400, results: null, message: t("trainer.import.nothing") };
	const entries: ImportEntry[] = [];
	for (const file of files.slice(0, listed)) {
		// A file over the submission limit cannot be a real result; it is reported unreadable.
		const read = entries.length < maxImportEntries && file.size <= attemptBodyLimit;
		entries.push({ label: file.name, text: read ? await file.text() : "" });
	}
	codes.forEach((code, i) =>
		entries.push({ label: t("trainer.import.codeLabel", { number: i + 1 }), text: code }),
	);
	const results = await importEntries(entries, ctx);
	const count = (status: string) => results.filter((r) => r.status === status).length;
	await ctx.audit.record({
		actor: actorOf(acting.trainer),
		action: "attempts-imported",
		targetType: "attempts",
		targetId: "",
		target: "attempts",
		details: {
			imported: count("imported"),
			altered: count("altered"),
			duplicate: count("duplicate"),
			unreadable: count("unreadable"),
			skipped: count("skipped"),
		},
		address: acting.address,
	});
	return {
		status: 200,
		results,
		...(total > maxImportEntries
			? {
					notice: t("trainer.import.overLimit", {
						max: maxImportEntries,
						count: total,
						rest: total - maxImportEntries,
					}),
				}
			: {}),
	};
}
