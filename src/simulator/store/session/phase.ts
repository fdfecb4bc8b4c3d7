import type { Runtime } from "../../grading/incremental.ts";
import type { Loaded, SavedSession } from "./saved.ts";

/**
 * Where one exercise's session is, as one value: the practice page and the guide's exercises both
 * render it, so they cannot drift apart (they once did: the exercise called outdated data invalid,
 * and a stored attempt of a removed scenario left an empty box).
 * - `corrupt`: stored data that cannot be read (`invalid`) or is from an older release (`outdated`);
 * - `orphaned`: a readable attempt whose scenario no longer exists;
 * - `idle`: nothing stored; `running` and `finished`: an attempt and its model.
 */
export type SessionPhase =
	| { readonly kind: "corrupt"; readonly reason: "invalid" | "outdated" }
	| { readonly kind: "orphaned" }
	| { readonly kind: "idle" }
	| { readonly kind: "running"; readonly session: SavedSession; readonly runtime: Runtime }
	| { readonly kind: "finished"; readonly session: SavedSession; readonly runtime: Runtime };

export function phaseOf(loaded: Loaded, runtime: Runtime | undefined): SessionPhase {
	switch (loaded.kind) {
		case "corrupt":
			return { kind: "corrupt", reason: loaded.reason };
		case "none":
			return { kind: "idle" };
		case "ok":
			if (runtime === undefined) return { kind: "orphaned" };
			return loaded.session.finished
				? { kind: "finished", session: loaded.session, runtime }
				: { kind: "running", session: loaded.session, runtime };
	}
}
