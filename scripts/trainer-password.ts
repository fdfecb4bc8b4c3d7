// `npm run trainer:password -- --email anna@example.com`: gives one trainer account a new generated
// password, prints it once and ends that account's sign-ins. Without `--email`, the first
// administrator's (TRAINER_EMAIL, or "admin"). `-- --clear-limits` only starts the sign-in limits
// afresh, for trainers kept waiting by someone guessing. Uses the same SCORES_DB or DATABASE_URL as
// the server; running instances see the change at once.
import { z } from "zod";
import { TrainerAuth } from "../src/server/access/trainer-auth.ts";
import { generatePassword, hashPassword } from "../src/server/access/password.ts";
import { commandLine, commandLineAddress, openTrainerStore } from "./trainer-store.ts";

const usage = "usage: npm run trainer:password [-- --email ADDRESS] | [-- --clear-limits]";
const args = z
	.union([
		z.tuple([]),
		z.tuple([z.literal("--clear-limits")]),
		z.tuple([z.literal("--email"), z.string().min(1)]),
	])
	.safeParse(process.argv.slice(2));
if (!args.success) {
	console.error(`unexpected arguments ${JSON.stringify(process.argv.slice(2))}; ${usage}`);
	process.exit(2);
}
const store = await openTrainerStore();
if (args.data[0] === "--clear-limits") {
	await TrainerAuth.clearSignInLimits(store.db);
	await store.db.close();
	console.log(`Sign-in limits cleared for ${store.where}.`);
	process.exit(0);
}
const email = args.data[0] === "--email" ? args.data[1] : store.config.trainerEmail;
const account = await store.accounts.findByEmail(email);
if (account === null) {
	await store.db.close();
	console.error(
		`No trainer account ${JSON.stringify(email)} in ${store.where}. \`npm run trainer:add -- --email … --role admin\` invites one.`,
	);
	process.exit(1);
}
const password = generatePassword();
await store.accounts.setPassword(account.id, await hashPassword(password));
await store.audit.record({
	actor: commandLine,
	action: "password-set",
	targetType: "trainer",
	targetId: account.id,
	target: account.email,
	address: commandLineAddress,
});
await store.db.close();
console.log(
	`New password for ${account.email} in ${store.where} (shown only now; their sign-ins have ended):\n\n    ${password}\n`,
);
