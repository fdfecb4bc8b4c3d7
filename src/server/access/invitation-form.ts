import type { Translate } from "../../simulator/text/locale.ts";
import { readText } from "../body.ts";
import { maxPasswordLength, minPasswordLength } from "../config.ts";
import type { ServerContext } from "../context.ts";
import { clientAddress, type RequestMeta } from "../request.ts";
import type { TrainerAccount } from "./accounts.ts";
import { hashPassword } from "./password.ts";
import { actorOf, sessionCookies } from "./sign-in.ts";

export type InvitationAnswer =
	/** Followed: the session's cookies; the page sends the trainer on to the trainer area. */
	| { readonly ok: true; readonly cookies: readonly string[] }
	| {
			readonly ok: false;
			readonly status: number;
			/** The link leads nowhere (unknown, used, expired): only a message and the sign-in link. */
			readonly dead: boolean;
			readonly message: string;
			readonly token: string;
			readonly account?: TrainerAccount;
	  };

/**
 * The invitation page's form: the invited trainer chooses a password (as long as TRAINER_PASSWORD
 * must be), the invitation is used up, and they are signed in. A link that was used, has expired
 * or never existed is refused with its reason; the token is only ever compared as a hash.
 */
export async function followInvitation(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	t: Translate,
): Promise<InvitationAnswer> {
	let form = new URLSearchParams();
	try {
		form = new URLSearchParams(await readText(request, 16 * 1024));
	} catch {
		// Treated as a form without a password.
	}
	const token = form.get("token") ?? "";
	const found = await ctx.accounts.invitation(token);
	if (!found.ok) {
		return {
			ok: false,
			status: 410,
			dead: true,
			message: t(`trainer.invitation.${found.reason}`),
			token,
		};
	}
	const password = form.get("password") ?? "";
	const length = [...password.normalize("NFC")].length;
	const refuse = (message: string) =>
		({ ok: false, status: 400, dead: false, message, token, account: found.account }) as const;
	if (length < minPasswordLength) {
		return refuse(t("trainer.invitation.tooShort", { min: minPasswordLength }));
	}
	if (length > maxPasswordLength) {
		return refuse(t("trainer.invitation.tooLong", { max: maxPasswordLength }));
	}
	if (password !== (form.get("repeat") ?? "")) return refuse(t("trainer.invitation.mismatch"));
	const accepted = await ctx.accounts.acceptInvitation(token, await hashPassword(password));
	if (!accepted.ok) {
		return {
			ok: false,
			status: 410,
			dead: true,
			message: t(`trainer.invitation.${accepted.reason}`),
			token,
		};
	}
	await ctx.audit.record({
		actor: actorOf(accepted.account),
		action: "invitation-followed",
		targetType: "trainer",
		targetId: accepted.account.id,
		target: accepted.account.email,
		details: { method: "password" },
		address: clientAddress(request, meta, ctx.config),
	});
	return { ok: true, cookies: await sessionCookies(request, ctx, accepted.account, null) };
}
