import { atom, computed, onMount, type ReadableAtom } from "nanostores";
import type { IssuedAttempt } from "../../cohort/issued-attempt.ts";
import type { Attempt, AttemptMode } from "../../attempt/schema.ts";
import type { GradeResult } from "../../grading/grade.ts";
import type { Action } from "../../model/actions.ts";
import type { ApplyResult } from "../../model/result.ts";
import type { Locale } from "../../text/locale.ts";
import type { StepId } from "../../process/steps.ts";
import { appVersion } from "../../version.ts";
import { sessionKey } from "./key.ts";
import { phaseOf, type SessionPhase } from "./phase.ts";
import {
	act,
	currentGrade,
	runtimeFor,
	type ActionOutcome,
	type Runtime,
} from "../../grading/incremental.ts";
import {
	decodeSaved,
	encodeSaved,
	none,
	savedSessionVersion,
	sourceOf,
	type Loaded,
	type OwnScenarioCopy,
	type SavedSession,
} from "./saved.ts";
import { browserStorage, type SessionStorage } from "./storage.ts";

export interface SessionEnv {
	/** The clock, injected so tests can fix it. */
	readonly now: () => string;
	readonly newAttemptId: () => string;
}

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost);
 * a site or an LMS on a company network may serve the simulator over plain http, where only
 * `crypto.getRandomValues` is there.
 */
export function newUuid(): string {
	if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
	bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const browserEnv: SessionEnv = {
	now: () => new Date().toISOString(),
	newAttemptId: newUuid,
};

export interface StartOptions {
	readonly scenarioId: string;
	readonly seed: number;
	readonly mode: AttemptMode;
	readonly locale: Locale;
	readonly start?: StepId | undefined;
	readonly trainee?: Attempt["trainee"];
	/** An attempt the server issued: its id, seed and start are the server's, and its token is kept. */
	readonly issued?: IssuedAttempt | undefined;
	/** A trainer's own scenario the attempt is made on (`scenarioId` is its id). */
	readonly own?: OwnScenarioCopy | undefined;
}

export interface SessionOptions {
	readonly env?: SessionEnv | undefined;
	/** Where the saved form is kept; `localStorage` unless said otherwise. */
	readonly storage?: SessionStorage | undefined;
}

/**
 * The saved form of a session as a store: read from `storage` (and validated) when created and
 * again whenever it is watched from anew, written there on every change. When another tab changes
 * the same key, this store follows.
 */
function savedAtom(key: string, storage: SessionStorage) {
	let text = storage.read(key);
	const $saved = atom<Loaded>(decodeSaved(text));
	const follow = (current: string | undefined) => {
		if (current === text) return;
		text = current;
		$saved.set(decodeSaved(current));
	};
	onMount($saved, () => {
		follow(storage.read(key));
		return storage.watch(key, follow);
	});
	const save = (value: Loaded) => {
		text = encodeSaved(value);
		storage.write(key, text);
		$saved.set(value);
	};
	return { $saved: $saved as ReadableAtom<Loaded>, save };
}

/**
 * One exercise's session: the attempt record kept in the session's storage (validated on load)
 * and the running model derived from it. Rule for several tabs: they share one session; an action
 * in any tab is appended to the saved log and the other tabs follow it at once through storage
 * events, so no tab ever writes back a log older than the newest.
 */
export function createSession(name: string, options: SessionOptions = {}) {
	const env = options.env ?? browserEnv;
	const { $saved, save } = savedAtom(sessionKey(name), options.storage ?? browserStorage);
	/** The outcome of the last action in this tab, for field errors and the coach. */
	const $last = atom<ActionOutcome | null>(null);

	let cache: Runtime | undefined;
	const $runtime: ReadableAtom<Runtime | undefined> = computed($saved, (loaded) => {
		if (loaded.kind !== "ok") return (cache = undefined);
		return (cache = runtimeFor(loaded.session.attempt, cache, sourceOf(loaded.session)));
	});

	/** The session's phase, the one value the UI renders (see `attempt/session-phase.ts`). */
	const $phase: ReadableAtom<SessionPhase> = computed([$saved, $runtime], phaseOf);

	function session(): SavedSession | undefined {
		const loaded = $saved.get();
		return loaded.kind === "ok" ? loaded.session : undefined;
	}

	function write(next: SavedSession) {
		save({ kind: "ok", session: next });
	}

	return {
		$saved,
		$runtime,
		$phase,
		$last,

		start(options: StartOptions): void {
			const issued = options.issued;
			const attempt: Attempt = {
				id: issued?.attemptId ?? env.newAttemptId(),
				scenario: {
					id: options.scenarioId,
					seed: issued?.seed ?? options.seed,
					...(options.start ? { start: options.start } : {}),
					...(options.own?.version === undefined ? {} : { version: options.own.version }),
				},
				locale: options.locale,
				mode: options.mode,
				startedAt: issued?.startedAt ?? env.now(),
				appVersion,
				...(options.trainee ? { trainee: options.trainee } : {}),
				hintsUsed: 0,
				events: [],
			};
			$last.set(null);
			write({
				v: savedSessionVersion,
				attempt,
				finished: false,
				...(issued ? { token: issued.token } : {}),
				...(options.own ? { own: options.own } : {}),
			});
		},

		/**
		 * Continues an attempt kept elsewhere, such as the data an LMS saved for a SCORM package or
		 * the part of an attempt a trainer's replay has reached: it becomes this session's, finished
		 * if it was unless said otherwise.
		 */
		resume(
			attempt: Attempt,
			finished: boolean = attempt.finishedAt !== undefined,
			own?: OwnScenarioCopy,
		): void {
			$last.set(null);
			write({ v: savedSessionVersion, attempt, finished, ...(own ? { own } : {}) });
		},

		/** Takes an action now; refused actions are recorded too (they count in the grade). */
		dispatch(action: Action): ApplyResult | undefined {
			const current = session();
			const runtime = $runtime.get();
			if (!current || current.finished || !runtime) return undefined;
			const outcome = act(runtime, action, env.now());
			cache = outcome.runtime;
			$last.set(outcome);
			write({ ...current, attempt: { ...current.attempt, events: [...outcome.runtime.events] } });
			return outcome.result;
		},

		/**
		 * Takes back the last action. Only a demo may: its log is the reference solution played for
		 * watching, while a trainee's own log is the record the grade is made from.
		 */
		takeBack(): void {
			const current = session();
			if (!current || current.finished || current.attempt.mode !== "demo") return;
			if (current.attempt.events.length === 0) return;
			$last.set(null);
			write({
				...current,
				attempt: { ...current.attempt, events: current.attempt.events.slice(0, -1) },
			});
		},

		/**
		 * Shows the hint for a step. The first time for that step it counts as a hint used; the
		 * same hint again costs nothing, since the trainee learns nothing new from it.
		 */
		useHint(step: StepId): void {
			const current = session();
			if (!current || current.finished) return;
			const hinted = current.hinted ?? [];
			if (hinted.includes(step)) {
				if (hinted.at(-1) !== step) {
					write({ ...current, hinted: [...hinted.filter((h) => h !== step), step] });
				}
				return;
			}
			write({
				...current,
				hinted: [...hinted, step],
				attempt: { ...current.attempt, hintsUsed: current.attempt.hintsUsed + 1 },
			});
		},

		setLocale(locale: Locale): void {
			const current = session();
			if (current && current.attempt.locale !== locale) {
				write({ ...current, attempt: { ...current.attempt, locale } });
			}
		},

		grade(): GradeResult | undefined {
			const current = session();
			const runtime = $runtime.get();
			return current && runtime ? currentGrade(runtime, current.attempt) : undefined;
		},

		/** Ends the attempt: no more actions; the browser's score is recorded as claimed only. */
		finish(): GradeResult | undefined {
			const current = session();
			const result = this.grade();
			if (!current || !result) return undefined;
			write({
				...current,
				finished: true,
				attempt: { ...current.attempt, finishedAt: env.now(), claimedScore: result.score },
			});
			return result;
		},

		reset(): void {
			$last.set(null);
			save(none);
		},
	};
}

export type Session = ReturnType<typeof createSession>;
