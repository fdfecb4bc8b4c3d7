import type { MailKind } from "./vocabulary.ts";

export type EntityKind = "user" | "label" | "configuration" | "integration" | "mail";

/**
 * What `apply` needs from the outside world, injected so that the same start state and actions always
 * give the same result. Replays use each event's recorded time as the clock.
 */
export interface ApplyContext {
	/** The current time as an ISO 8601 UTC timestamp. */
	readonly now: () => string;
	/**
	 * Derives an entity id from the state's sequence number. Attempt files refer to entities by these
	 * ids, so logs only replay with the generator that recorded them; grading always uses the default.
	 */
	readonly newId?: (kind: EntityKind, seq: number) => string;
}

export function defaultNewId(kind: EntityKind, seq: number): string {
	return `${kind}-${seq}`;
}

/** The id for a new entity, from the context's generator or the default one. */
export function newId(ctx: ApplyContext, kind: EntityKind, seq: number): string {
	return (ctx.newId ?? defaultNewId)(kind, seq);
}

/** A context whose clock always reads the given timestamp. */
export function contextAt(at: string): ApplyContext {
	return { now: () => at };
}

/** What an accepted action caused besides the new state, for the UI (select the new item, toast). */
export type Effect =
	| { readonly type: "created"; readonly entity: EntityKind; readonly id: string }
	| {
			readonly type: "mail-sent";
			readonly mailId: string;
			readonly kind: MailKind;
			readonly to: readonly string[];
	  };
