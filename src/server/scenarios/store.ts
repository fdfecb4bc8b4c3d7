import { randomInt } from "node:crypto";
import {
	isUniqueViolation,
	type Database,
	type Queryable,
	type Row,
} from "../database/database.ts";
import { draftSchema, type Draft } from "../../simulator/scenarios/draft.ts";
import { getScenario } from "../../simulator/scenarios/registry.ts";
import { scenarioSchema, type Scenario } from "../../simulator/scenarios/schema.ts";
import { slug } from "../../simulator/scenarios/slug.ts";

/**
 * Trainers' own scenarios in the score database. A scenario has one draft, which changes with
 * every save, and versions: publishing freezes the draft as the next version, which never changes
 * again, so an attempt made on version 1 is regraded against version 1 even after version 2 is
 * published. Each save names the revision it was made on; a save on an older revision is refused,
 * so two trainers editing one draft do not silently overwrite each other.
 */

export interface OwnScenario {
	readonly id: string;
	/** The draft as last saved, valid or not. */
	readonly draft: Draft;
	/** Counts the saves; the next save must name it. */
	readonly revision: number;
	/** The newest published version, or null if it was never published. */
	readonly publishedVersion: number | null;
	/** The revision that was published last, so the editor can say whether the draft changed since. */
	readonly publishedRevision: number | null;
	/** Offered on the public practice page, besides the cohorts it is assigned to. */
	readonly public: boolean;
	readonly createdAt: string;
	readonly updatedAt: string;
	/** The trainer account that owns it (null only before accounts existed, until the first start). */
	readonly ownerId: string | null;
	/** Its owner shares it with every trainer, who may then see, change and assign it too. */
	readonly shared: boolean;
}

/** Never published; published and not changed since; or changed since it was published. */
export type ScenarioStatus = "draft" | "published" | "modified";

export function statusOf(
	s: Pick<OwnScenario, "publishedVersion" | "publishedRevision" | "revision">,
): ScenarioStatus {
	if (s.publishedVersion === null) return "draft";
	return s.publishedRevision === s.revision ? "published" : "modified";
}

export type Saved =
	| { readonly ok: true; readonly scenario: OwnScenario }
	| { readonly ok: false; readonly reason: "not-found" }
	/** Someone saved in between: the stored one, to tell the trainer what changed. */
	| { readonly ok: false; readonly reason: "conflict"; readonly current: OwnScenario };

export type Published =
	| { readonly ok: true; readonly version: number; readonly scenario: OwnScenario }
	| Exclude<Saved, { ok: true }>;

/** A published version as stored: the scenario exactly as trainees get it. */
export interface ScenarioVersion {
	readonly id: string;
	readonly version: number;
	readonly scenario: Scenario;
	readonly publishedAt: string;
}

function toOwn(r: Row): OwnScenario {
	return {
		id: String(r.id),
		draft: draftSchema.parse(JSON.parse(String(r.draft))),
		revision: Number(r.revision),
		publishedVersion: r.published_version === null ? null : Number(r.published_version),
		publishedRevision: r.published_revision === null ? null : Number(r.published_revision),
		public: Number(r.public) === 1,
		createdAt: String(r.created_at),
		updatedAt: String(r.updated_at),
		ownerId: r.owner_id === null || r.owner_id === undefined ? null : String(r.owner_id),
		shared: Number(r.shared ?? 0) === 1,
	};
}

function toVersion(r: Row): ScenarioVersion {
	return {
		id: String(r.scenario_id),
		version: Number(r.version),
		scenario: scenarioSchema.parse(JSON.parse(String(r.scenario))),
		publishedAt: String(r.published_at),
	};
}

const idLetters = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * A new scenario's id: readable from its name, with a random ending so it never meets a built-in
 * scenario's or another trainer's ("abfuelllinie-pharma-k7q3").
 */
export function newScenarioId(name: string): string {
	const stem = slug(name).slice(0, 40).replace(/-+$/, "") || "scenario";
	const end = Array.from({ length: 4 }, () => idLetters[randomInt(idLetters.length)]).join("");
	return `${stem}-${end}`;
}

/** Published versions by id and number: they never change, so they are read once. */
const versions = new Map<string, ScenarioVersion>();
const maxCached = 500;

export class ScenarioStore {
	readonly #db: Database;

	constructor(db: Database) {
		this.#db = db;
	}

	/** A new scenario with its first draft; `name` makes its id readable. */
	async create(
		draft: Draft,
		name: string,
		now: Date,
		ownerId: string | null,
	): Promise<OwnScenario> {
		const at = now.toISOString();
		for (let tries = 0; tries < 20; tries++) {
			const id = newScenarioId(name);
			if (getScenario(id) !== undefined) continue;
			try {
				await this.#db.run(
					`INSERT INTO scenarios (id, draft, revision, published_version, published_revision,
						public, created_at, updated_at, owner_id) VALUES (?, ?, 1, NULL, NULL, 0, ?, ?, ?)`,
					[id, JSON.stringify(draft), at, at, ownerId],
				);
				return (await this.get(id)) as OwnScenario;
			} catch (error) {
				if (!isUniqueViolation(error)) throw error;
			}
		}
		throw new Error("no free scenario id after 20 tries");
	}

	async get(id: string): Promise<OwnScenario | undefined> {
		return this.#get(this.#db, id);
	}

	async #get(q: Queryable, id: string): Promise<OwnScenario | undefined> {
		const row = await q.get("SELECT * FROM scenarios WHERE id = ?", [id]);
		return row === undefined ? undefined : toOwn(row);
	}

	/** Every own scenario, the most recently changed first. */
	async list(): Promise<OwnScenario[]> {
		return (await this.#db.all("SELECT * FROM scenarios ORDER BY updated_at DESC, id")).map(toOwn);
	}

	/** Saves the draft if nobody saved since `revision`. */
	async saveDraft(id: string, draft: Draft, revision: number, now: Date): Promise<Saved> {
		return this.#db.transaction(async (tx) => {
			const changed = await tx.run(
				"UPDATE scenarios SET draft = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?",
				[JSON.stringify(draft), now.toISOString(), id, revision],
			);
			const current = await this.#get(tx, id);
			if (current === undefined) return { ok: false, reason: "not-found" };
			if (changed === 0) return { ok: false, reason: "conflict", current };
			return { ok: true, scenario: current };
		});
	}

	/**
	 * Freezes the draft at `revision` as the next version. `scenario` is the draft as a checked
	 * scenario, proved fair by the caller; its id is the stored one.
	 */
	async publish(id: string, scenario: Scenario, revision: number, now: Date): Promise<Published> {
		const at = now.toISOString();
		return this.#db.transaction(async (tx): Promise<Published> => {
			const current = await this.#get(tx, id);
			if (current === undefined) return { ok: false, reason: "not-found" };
			if (current.revision !== revision) return { ok: false, reason: "conflict", current };
			const version = (current.publishedVersion ?? 0) + 1;
			await tx.run(
				"INSERT INTO scenario_versions (scenario_id, version, scenario, published_at) VALUES (?, ?, ?, ?)",
				[id, version, JSON.stringify({ ...scenario, id }), at],
			);
			// Only if nobody saved meanwhile; a concurrent save makes this publication a conflict.
			const changed = await tx.run(
				`UPDATE scenarios SET published_version = ?, published_revision = revision, updated_at = ?
					WHERE id = ? AND revision = ?`,
				[version, at, id, revision],
			);
			if (changed === 0) throw new Error("the draft changed while it was published");
			return { ok: true, version, scenario: (await this.#get(tx, id)) as OwnScenario };
		});
	}

	/** Offers the scenario on the public practice page, or stops offering it there. */
	/** Shares it with every trainer, or ends the sharing. */
	async setShared(id: string, shared: boolean, now: Date): Promise<OwnScenario | undefined> {
		await this.#db.run("UPDATE scenarios SET shared = ?, updated_at = ? WHERE id = ?", [
			shared ? 1 : 0,
			now.toISOString(),
			id,
		]);
		return this.get(id);
	}

	async setPublic(id: string, offered: boolean, now: Date): Promise<OwnScenario | undefined> {
		await this.#db.run("UPDATE scenarios SET public = ?, updated_at = ? WHERE id = ?", [
			offered ? 1 : 0,
			now.toISOString(),
			id,
		]);
		return this.get(id);
	}

	/** One published version, exactly as it was published; undefined if there is no such one. */
	async version(id: string, version: number): Promise<ScenarioVersion | undefined> {
		const key = `${id}\u0000${version}`;
		const cached = versions.get(key);
		if (cached !== undefined) return cached;
		const row = await this.#db.get(
			"SELECT * FROM scenario_versions WHERE scenario_id = ? AND version = ?",
			[id, version],
		);
		if (row === undefined) return undefined;
		const found = toVersion(row);
		if (versions.size >= maxCached) versions.delete(versions.keys().next().value as string);
		versions.set(key, found);
		return found;
	}

	/** The newest published version of a scenario, or undefined while it has none. */
	async latest(id: string): Promise<ScenarioVersion | undefined> {
		const own = await this.get(id);
		return own?.publishedVersion == null ? undefined : this.version(id, own.publishedVersion);
	}

	/** Every version of a scenario, the newest first. */
	async versions(id: string): Promise<ScenarioVersion[]> {
		const rows = await this.#db.all(
			"SELECT * FROM scenario_versions WHERE scenario_id = ? ORDER BY version DESC",
			[id],
		);
		return rows.map(toVersion);
	}

	/** The newest version of every scenario offered on the public practice page. */
	async offeredPublicly(): Promise<ScenarioVersion[]> {
		const rows = await this.#db.all(
			`SELECT v.* FROM scenarios s JOIN scenario_versions v
				ON v.scenario_id = s.id AND v.version = s.published_version
				WHERE s.public = 1 ORDER BY s.id`,
		);
		return rows.map(toVersion);
	}
}
