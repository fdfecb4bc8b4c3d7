// `npm run trainer:add -- --email anna@example.com --role trainer [--name "Anna Berg"]`: invites a
// trainer (or administrator) and prints the one-time invitation link to hand over, as the
// dashboard's Trainers page does. The link holds the address SITE_URL names, if set.
import { z } from "zod";
import { invitationHours, roles } from "../src/server/access/accounts.ts";
import { invitationPath } from "../src/server/access/invitation-link.ts";
import { isEmail, maxNameLength } from "../src/server/access/sign-in-name.ts";
import { commandLine, commandLineAddress, openTrainerStore } from "./trainer-store.ts";

const usage =
	'usage: npm run trainer:add -- --email ADDRESS --role trainer|admin [--name "NAME"] [--lang de|en]';
const raw = process.argv.slice(2);
const pairs: Record<string, string> = {};
for (let i = 0; i < raw.length; i += 2) {
	const flag = raw[i] ?? "";
	const value = raw[i + 1];
	if (!flag.startsWith("--") || value === undefined) {
		console.error(`unexpected argument ${JSON.stringify(flag)}; ${usage}`);
		process.exit(2);
	}
	pairs[flag.slice(2)] = value;
}
const parsed = z
	.strictObject({
		email: z.string().trim().refine(isEmail, "not an e-mail address"),
		role: z.enum(roles),
		name: z.string().trim().min(1).max(maxNameLength).optional(),
		lang: z.enum(["de", "en"]).default("de"),
	})
	.safeParse(pairs);
if (!parsed.success) {
	const problem = parsed.error.issues[0];
	console.error(`--${String(problem?.path[0] ?? "")}: ${problem?.message ?? "invalid"}; ${usage}`);
	process.exit(2);
}
const { email, role, name, lang } = parsed.data;
const store = await openTrainerStore();
const invited = await store.accounts.invite({ email, name: name ?? email, role, by: null });
if (!invited.ok) {
	await store.db.close();
	console.error(
		invited.reason === "exists"
			? `${email} has an account already in ${store.where}; \`npm run trainer:password -- --email ${email}\` gives it a new password.`
			: `${email}'s account is disabled in ${store.where}; an administrator can enable it on the Trainers page.`,
	);
	process.exit(1);
}
await store.audit.record({
	actor: commandLine,
	action: "invitation-created",
	targetType: "trainer",
	targetId: invited.account.id,
	target: invited.account.email,
	details: { role },
	address: commandLineAddress,
});
await store.db.close();
const path = invitationPath(lang, invited.token);
const link = store.config.siteUrl === null ? path : new URL(path, store.config.siteUrl).href;
console.log(
	`Invitation for ${email} (${role}), valid for ${invitationHours} hours and once; hand this link over:\n\n    ${link}\n${
		store.config.siteUrl === null ? "\n(Set SITE_URL to print the whole address.)\n" : ""
	}`,
);
