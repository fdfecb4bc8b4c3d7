import { scenarioJsonSchemaPath } from "../../simulator/scenarios/json-schema.ts";
import { scenarioOfDraft } from "../../simulator/scenarios/draft.ts";
import { scenarioSchema } from "../../simulator/scenarios/schema.ts";
import { requireTrainer } from "../access/sign-in.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, json } from "../errors.ts";
import { exportFile, visibleScenario } from "../scenarios/editor.ts";

/** The scenario routes of the API: a draft for a preview, a file to download, the public list. */

/** The scenario, if the request's trainer may see it; a 404 otherwise (also for another's). */
async function ownOr404(request: Request, ctx: ServerContext, id: string | undefined) {
	const trainer = await requireTrainer(request, ctx);
	const own = await visibleScenario(ctx, id, { trainer });
	if (own === undefined) throw new HttpError(404, "not-found", "No scenario with this id.");
	return own;
}

/**
 * GET /api/scenarios/:id/draft (trainers): the draft as a scenario, for trying it on the practice
 * page before it is published; 422 with the first problem while the draft is not a scenario yet.
 */
export async function getDraft(
	request: Request,
	ctx: ServerContext,
	id: string | undefined,
): Promise<Response> {
	const own = await ownOr404(request, ctx, id);
	const parsed = scenarioSchema.safeParse(scenarioOfDraft(own.id, own.draft));
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		throw new HttpError(
			422,
			"invalid-scenario",
			`The draft is not a scenario yet: ${first?.path.join(".") ?? ""} ${first?.message ?? ""}`.trim(),
		);
	}
	return json({ scenario: parsed.data, revision: own.revision });
}

/** GET /api/scenarios/:id/export (trainers): the draft as a scenario file, to keep or share. */
export async function exportScenario(
	request: Request,
	ctx: ServerContext,
	id: string | undefined,
): Promise<Response> {
	const own = await ownOr404(request, ctx, id);
	const schema = new URL(scenarioJsonSchemaPath, ctx.config.siteUrl ?? new URL(request.url)).href;
	return new Response(exportFile(own, schema), {
		headers: {
			"Content-Type": "application/json; charset=utf-8",
			// The id is made of lower-case letters, digits and hyphens only (`newScenarioId`).
			"Content-Disposition": `attachment; filename="${own.id}.scenario.json"`,
			"Cache-Control": "no-store",
		},
	});
}

/**
 * GET /api/scenarios/public (anyone): the newest version of each scenario a trainer offers on the
 * public practice page, whole, so the practice page can start it like a built-in one.
 */
export async function publicScenarios(ctx: ServerContext): Promise<Response> {
	const offered = await ctx.scenarios.offeredPublicly();
	return json({
		items: offered.map((v) => ({ id: v.id, version: v.version, scenario: v.scenario })),
	});
}
