import { newId, type ApplyContext } from "./context.ts";
import type { Mail } from "./state.ts";
import type { MailKind } from "./vocabulary.ts";

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
