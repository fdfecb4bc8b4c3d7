import { z } from "zod";
import type { Locale, Translate } from "../../simulator/text/locale.ts";
import { readText } from "../body.ts";
import type { ServerContext } from "../context.ts";
import { clientAddress, type RequestMeta } from "../request.ts";
import { invitationHours, roles, type TrainerAccount } from "./accounts.ts";
import { invitationPath } from "./invitation-link.ts";
import { isEmail, maxEmailLength, maxNameLength } from "./sign-in-name.ts";
import { actorOf } from "./sign-in.ts";

/** What the Trainer accounts page shows after a POST. */
export interface AccountsAnswer {
	readonly status: number;
	/** A confirmation (role="status") or a refusal (role="alert"). */
	readonly message?: string | undefined;
	readonly refused?: boolean;
	/** The invitation link, shown once, right after it was made. */
	readonly link?: string | undefined;
	/** The invite form's values and field errors, kept after a refusal. */
	readonly invite?: {
		readonly email: string;
		readonly name: string;
		readonly role: string;
		readonly errors: { readonly email?: string; readonly name?: string };
	};
}

const changeSchema = z.object({
	action: z.enum(["disable", "enable", "make-admin", "make-trainer"]),
	id: z.string().min(1).max(100),
});

/**
 * The Trainer accounts page's forms, for administrators only (the page checks): invite a trainer,
 * disable or enable an account, change its role. Each change goes into the audit trail.
 */
export async function accountsPost(
	request: Request,
	meta: RequestMeta,
	ctx: ServerContext,
	admin: TrainerAccount,
	locale: Locale,
	t: Translate,
): Promise<AccountsAnswer> {
	let form: URLSearchParams;
	try {
		form = new URLSearchParams(await readText(request, 16 * 1024));
	} catch {
		return { status: 413, refused: true, message: t("trainer.accounts.errors.tooLarge") };
	}
	const address = clientAddress(request, meta, ctx.config);
	if (form.get("action") === "invite") {
		const email = (form.get("email") ?? "").trim().slice(0, maxEmailLength + 1);
		const name = (form.get("name") ?? "").trim();
		const role = form.get("role") ?? "trainer";
		const errors: { email?: string; name?: string } = {};
		if (!isEmail(email)) errors.email = t("trainer.accounts.errors.email");
		if ([...name].length > maxNameLength || /[\p{Cc}\p{Cf}]/u.test(name)) {
			errors.name = t("trainer.accounts.errors.name", { max: maxNameLength });
		}
		const parsedRole = z.enum(roles).safeParse(role);
		const kept = { email, name, role: parsedRole.success ? parsedRole.data : "trainer", errors };
		if (errors.email !== undefined || errors.name !== undefined || !parsedRole.success) {
			return { status: 400, invite: kept };
		}
		const invited = await ctx.accounts.invite({
			email,
			name: name === "" ? email : name,
			role: parsedRole.data,
			by: admin.id,
		});
		if (!invited.ok) {
			return {
				status: 409,
				invite: { ...kept, errors: { email: t(`trainer.accounts.errors.${invited.reason}`) } },
			};
		}
		await ctx.audit.record({
			actor: actorOf(admin),
			action: "invitation-created",
			targetType: "trainer",
			targetId: invited.account.id,
			target: invited.account.email,
			details: { role: invited.account.role },
			address,
		});
		const path = invitationPath(locale, invited.token);
		const origin = ctx.config.siteUrl ?? new URL(request.url);
		return {
			status: 200,
			message: t("trainer.accounts.invited", { email, hours: invitationHours }),
			link: new URL(path, origin).href,
		};
	}
	const change = changeSchema.safeParse(Object.fromEntries(form));
	if (!change.success) {
		return { status: 400, refused: true, message: t("trainer.accounts.errors.notFound") };
	}
	const { action, id } = change.data;
	const changed =
		action === "disable" || action === "enable"
			? await ctx.accounts.setState(id, action === "disable" ? "disabled" : "active")
			: await ctx.accounts.setRole(id, action === "make-admin" ? "admin" : "trainer");
	if (!changed.ok) {
		return {
			status: changed.reason === "not-found" ? 404 : 409,
			refused: true,
			message: t(
				changed.reason === "not-found"
					? "trainer.accounts.errors.notFound"
					: "trainer.accounts.errors.lastAdmin",
			),
		};
	}
	const account = changed.account;
	await ctx.audit.record({
		actor: actorOf(admin),
		action:
			action === "disable"
				? "account-disabled"
				: action === "enable"
					? "account-enabled"
					: "role-changed",
		targetType: "trainer",
		targetId: account.id,
		target: account.email,
		details: action.startsWith("make-") ? { role: account.role } : {},
		address,
	});
	const state =
		action === "disable" || action === "enable"
			? t(`trainer.accounts.states.${account.state}`)
			: t(`trainer.accounts.roles.${account.role}`);
	return { status: 200, message: t("trainer.accounts.changed", { email: account.email, state }) };
}
