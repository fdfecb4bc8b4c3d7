import { useAtom } from "./use-atom.ts";
import { createContext, createSignal, useContext, type Accessor, type Setter } from "solid-js";
import type { Translate } from "../text/locale.ts";
import type { Action } from "../model/actions.ts";
import type { ApplyResult } from "../model/result.ts";
import type { State } from "../model/state.ts";
import type { Locale } from "../text/locale.ts";
import type { Session } from "../store/session/store.ts";
import type { Runtime } from "../grading/incremental.ts";
import type { Loaded } from "../store/session/saved.ts";

/** Where the trainee is in the simulated Control Center (or outside it, in the mailbox). */
export type View =
	| { readonly page: "dashboard" | "documents" | "integrations" | "users" | "access-roles" }
	| { readonly page: "account-information" | "mailbox" }
	| { readonly page: "user"; readonly userId: string };

export interface Sim {
	readonly t: Translate;
	readonly locale: Locale;
	readonly session: Session;
	readonly saved: Accessor<Loaded>;
	readonly runtime: Accessor<Runtime | undefined>;
	readonly view: Accessor<View>;
	readonly setView: Setter<View>;
	/** Takes an action in the model; the result tells a form which field to flag. */
	readonly dispatch: (action: Action) => ApplyResult | undefined;
	/** The model state; only called while a runtime exists. */
	readonly state: () => State;
	/**
	 * True while a demo runs: the demo works the screens, the trainee watches (dialogs open without
	 * taking the focus or making the demo's own controls inert).
	 */
	readonly demo: Accessor<boolean>;
}

const SimContext = createContext<Sim>();

export function createSim(t: Translate, locale: Locale, session: Session): Sim {
	const saved = useAtom(session.$saved);
	const runtime = useAtom(session.$runtime);
	const [view, setView] = createSignal<View>({ page: "dashboard" });
	return {
		t,
		locale,
		session,
		saved,
		runtime,
		view,
		setView,
		dispatch: (action) => session.dispatch(action),
		state: () => {
			const r = runtime();
			if (!r) throw new Error("no running exercise");
			return r.state;
		},
		demo: () => {
			const s = saved();
			return s.kind === "ok" && s.session.attempt.mode === "demo" && !s.session.finished;
		},
	};
}

export const SimProvider = SimContext.Provider;

export function useSim(): Sim {
	const sim = useContext(SimContext);
	if (!sim) throw new Error("useSim outside SimProvider");
	return sim;
}
