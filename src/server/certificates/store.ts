import { randomBytes } from "node:crypto";
import type { Database, Row } from "../database/database.ts";
import { isUniqueViolation } from "../database/database.ts";
import { searchKey } from "../attempts/store.ts";
import { certificateCode, newCertificateId, verifiedId } from "./code.ts";

/**
 * Certificates of passed assessments. One is issued only for an attempt the server issued
 * (a cohort's token), graded, stored unaltered and passed, in a cohort that offers certificates;
 * never for a self-reported or altered one. It keeps what it states as it was when issued.
 */
export interface Certificate {
	readonly id: string;
	/** The signed verification code (see code.ts). */
	readonly code: string;
	readonly attemptId: string;
	readonly cohortId: string;
	readonly trainee: string;
	readonly scenarioId: string;
	/** The scenario's title in each language, as it was when the certificate was issued. */
	readonly scenarioTitles: Readonly<Record<string, string>>;
	readonly cohortName: string;
	readonly score: number;
	/** When the attempt came back passed (the server's time). */
	readonly passedAt: string;
	readonly issuer: string;
	readonly issuedAt: string;
}

/** What a certificate needs to state, besides what the attempt's row holds. */
export interface IssueContext {
	readonly issuer: string;
	/** The scenario's title in each language, for a scenario id. */
	scenarioTitles(scenarioId: string, version: number | null): Promise<Record<string, string>>;
}

const secretKey = "certificate-secret";

export class CertificateStore {
	readonly #db: Database;
	#secret: string | undefined;

	constructor(db: Database) {
		this.#db = db;
	}

	/**
	 * The server's signing secret: drawn once, kept with the scores, so every instance on a shared
	 * database signs and verifies alike (and a restart keeps every code valid).
	 */
	async secret(): Promise<string> {
		if (this.#secret !== undefined) return this.#secret;
		const drawn = randomBytes(32).toString("base64url");
		await this.#db.run(
			"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
			[secretKey, drawn],
		);
		const row = await this.#db.get<{ value: string }>("SELECT value FROM settings WHERE key = ?", [
			secretKey,
		]);
		this.#secret = String(row?.value ?? drawn);
		return this.#secret;
	}

	#certificate(r: Row, secret: string): Certificate {
		return {
			id: String(r.id),
			code: certificateCode(secret, String(r.id)),
			attemptId: String(r.attempt_id),
			cohortId: String(r.cohort_id),
			trainee: String(r.trainee),
			scenarioId: String(r.scenario_id),
			scenarioTitles: JSON.parse(String(r.scenario_titles)) as Record<string, string>,
			cohortName: String(r.cohort_name),
			score: Number(r.score),
			passedAt: String(r.passed_at),
			issuer: String(r.issuer),
			issuedAt: String(r.issued_at),
		};
	}

	/** The certificate of an attempt, issuing it if the attempt earns one; null if it does not. */
	async forAttempt(
		attemptId: string,
		now: Date,
		context: IssueContext,
		cohortId?: string,
	): Promise<Certificate | null> {
		const secret = await this.secret();
		const existing = await this.#db.get("SELECT * FROM certificates WHERE attempt_id = ?", [
			attemptId,
		]);
		if (existing !== undefined) {
			return cohortId === undefined || existing.cohort_id === cohortId
				? this.#certificate(existing, secret)
				: null;
		}
		const earned = await this.#db.get(
			`SELECT a.id, a.trainee, a.scenario_id, a.score, a.server_finished_at, a.received_at,
					c.id AS cohort_id, c.name AS cohort_name, t.scenario_version
				FROM attempts a
				JOIN cohorts c ON c.id = a.cohort_id
				LEFT JOIN attempt_tokens t ON t.attempt_id = a.id
				WHERE a.id = ? AND a.trust = 'issued' AND a.altered = 0 AND a.passed = 1
					AND a.mode = 'assessment' AND c.certificate = 1${cohortId === undefined ? "" : " AND c.id = ?"}`,
			[attemptId, ...(cohortId === undefined ? [] : [cohortId])],
		);
		if (earned === undefined) return null;
		const version = earned.scenario_version == null ? null : Number(earned.scenario_version);
		const titles = await context.scenarioTitles(String(earned.scenario_id), version);
		for (let tries = 0; tries < 5; tries++) {
			try {
				await this.#db.run(
					`INSERT INTO certificates (id, attempt_id, cohort_id, trainee, scenario_id,
							scenario_titles, cohort_name, score, passed_at, issuer, issued_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
					[
						newCertificateId(),
						attemptId,
						String(earned.cohort_id),
						String(earned.trainee),
						String(earned.scenario_id),
						JSON.stringify(titles),
						String(earned.cohort_name),
						Number(earned.score),
						String(earned.server_finished_at ?? earned.received_at),
						context.issuer,
						now.toISOString(),
					],
				);
				break;
			} catch (error) {
				// Another request issued it meanwhile (the attempt is unique), or the id was drawn twice.
				if (!isUniqueViolation(error)) throw error;
			}
		}
		const row = await this.#db.get("SELECT * FROM certificates WHERE attempt_id = ?", [attemptId]);
		return row === undefined ? null : this.#certificate(row, secret);
	}

	/** The certificate a code names, if the server signed the code and issued the certificate. */
	async byCode(code: string): Promise<Certificate | null> {
		const secret = await this.secret();
		const id = verifiedId(secret, code);
		if (id === null) return null;
		const row = await this.#db.get("SELECT * FROM certificates WHERE id = ?", [id]);
		return row === undefined ? null : this.#certificate(row, secret);
	}

	/**
	 * Each trainee's first passed, issued assessment in a cohort (the attempt a certificate is
	 * for), by the trainee's name as the cohort's insight keys it.
	 */
	async passedAttempts(cohortId: string): Promise<Map<string, string>> {
		const rows = await this.#db.all(
			`SELECT id, trainee FROM attempts WHERE cohort_id = ? AND trust = 'issued' AND altered = 0
				AND passed = 1 AND mode = 'assessment' ORDER BY taken_at, id`,
			[cohortId],
		);
		const first = new Map<string, string>();
		for (const r of rows) {
			const key = searchKey(String(r.trainee));
			if (!first.has(key)) first.set(key, String(r.id));
		}
		return first;
	}

	/** A cohort's certificates by attempt id. */
	async forCohort(cohortId: string): Promise<Map<string, Certificate>> {
		const secret = await this.secret();
		const rows = await this.#db.all("SELECT * FROM certificates WHERE cohort_id = ?", [cohortId]);
		return new Map(rows.map((r) => [String(r.attempt_id), this.#certificate(r, secret)]));
	}
}
