import type { Acting } from "../../../../src/server/access/sign-in.ts";
import type { ServerContext } from "../../../../src/server/context.ts";
import { password } from "../support.ts";

/** The bootstrap administrator, signed in, acting from a documentation address. */
export async function actingOf(ctx: ServerContext): Promise<Acting> {
	const session = await ctx.auth.signIn("admin", password);
	if (session === null) throw new Error("the administrator could not sign in");
	const trainer = (await ctx.accounts.list()).find((a) => a.role === "admin");
	if (trainer === undefined) throw new Error("no administrator");
	return { trainer, address: "192.0.2.1" };
}
