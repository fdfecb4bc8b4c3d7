import { defaultNewId, type ApplyContext, type EntityKind } from "./context.ts";
import type { Mail } from "./state.ts";
import type { MailKind } from "./vocabulary.ts";

export function newId(ctx: ApplyContext, kind: EntityKind, seq: number): string {
	return (ctx.newId ?? defaultNewId)(kind, seq);
}

/** An e-mail the account sends; only its kind and parameters are stored, texts come from i18n. */
export function composeMail(
	ctx: ApplyContext,
	seq: number,
	at: string,
	kind: MailKind,
	to: readonly string[],
	userId: string | null,
	params: Record<string, string>,
): Mail {
	return { id: newId(ctx, "mail", seq), at, kind, to: [...to], userId, params };
}
