import type { AttemptEvent } from "../attempt/schema.ts";
import { grade } from "../grading/grade.ts";
import { requirementTable } from "../scenarios/requirements-table.ts";
import { scenarioSchema, type Scenario } from "../scenarios/schema.ts";
import { solve } from "../scenarios/solution.ts";
import { startPoint } from "../scenarios/start.ts";
import { scenarioLocales } from "../scenarios/texts.ts";
import { variant } from "../scenarios/variant.ts";
import type { Locale, Translate } from "../text/locale.ts";
import { attemptFromTable, type ShownSection } from "./brief-solver.ts";
import { criticalMistakes, detects, playMistake } from "./mistakes.ts";

/**
 * The proofs that a scenario is fair, run on every built-in scenario by the tests and on a
 * trainer's draft by the editor and `npm run scenario:check`:
 * - `schema`: the file is a scenario (each problem with its field);
 * - `reference`: the reference solution scores 100 on every variant tried;
 * - `brief-only`: a trainee who reads only the requirements table as the screen shows it, in each
 *   language the scenario is offered in, scores 100 on every variant tried;
 * - `mistakes`: each critical mistake of the rubric that can be made from the scenario's start is
 *   found by the grader and fails the attempt.
 * A draft is published only when all pass.
 */

export const proofIds = ["schema", "reference", "brief-only", "mistakes"] as const;
export type ProofId = (typeof proofIds)[number];

/**
 * One thing a proof found, as data: `code` names it (the editor says it in the trainer's
 * language, `scenarioProofs.problems.<code>`), `values` fill its text, `path` names the field of
 * a schema problem. `message` says it in English, for files and the command line.
 */
export interface ProofProblem {
	readonly code: string;
	readonly values: Readonly<Record<string, string | number>>;
	readonly path: readonly (string | number)[];
	readonly message: string;
}

export interface Proof {
	readonly id: ProofId;
	/** `skipped` when an earlier proof failed so that this one cannot run. */
	readonly status: "passed" | "failed" | "skipped";
	readonly problems: readonly ProofProblem[];
	/** How many variants, languages or mistakes it went through, for the panel. */
	readonly checked: number;
	/** Critical mistakes that cannot be made from this scenario's start, with why (mistakes only). */
	readonly unreachable?: readonly { readonly rule: string; readonly reason: string }[];
}

export interface ProofResult {
	/** The validated scenario, when the schema proof passed. */
	readonly scenario: Scenario | undefined;
	readonly proofs: readonly Proof[];
	readonly passed: boolean;
}

export interface ProofOptions {
	/** The translator of each language, to render the requirements table as a trainee reads it. */
	readonly translators: Readonly<Record<Locale, Translate>>;
	/** Variants each of `reference` and `brief-only` tries (the fairness test's 50 by default). */
	readonly variants?: number;
}

/** How many variants `reference` and `brief-only` try unless told otherwise. */
export const proofVariants = 50;

/** The seeds the proofs try: the scenario as written, then spread-out variants. */
export function proofSeeds(count: number): number[] {
	return [0, ...Array.from({ length: Math.max(0, count - 1) }, (_, i) => i * 97 + 1)];
}

export function proveScenario(value: unknown, options: ProofOptions): ProofResult {
	const parsed = scenarioSchema.safeParse(value);
	if (!parsed.success) {
		const problems = parsed.error.issues.map(schemaProblem);
		const skipped = proofIds
			.slice(1)
			.map((id): Proof => ({ id, status: "skipped", problems: [], checked: 0 }));
		return {
			scenario: undefined,
			proofs: [{ id: "schema", status: "failed", problems, checked: 1 }, ...skipped],
			passed: false,
		};
	}
	const scenario = parsed.data;
	const seeds = proofSeeds(options.variants ?? proofVariants);
	const proofs: Proof[] = [
		{ id: "schema", status: "passed", problems: [], checked: 1 },
		reference(scenario, seeds),
		briefOnly(scenario, seeds, options.translators),
		mistakes(scenario),
	];
	return { scenario, proofs, passed: proofs.every((p) => p.status === "passed") };
}

const result = (id: ProofId, problems: ProofProblem[], checked: number): Proof => ({
	id,
	status: problems.length === 0 ? "passed" : "failed",
	problems,
	checked,
});

const problem = (
	code: string,
	values: Record<string, string | number>,
	message: string,
	path: (string | number)[] = [],
): ProofProblem => ({ code, values, path, message });

/** A schema issue as a problem: the scenario's own code, else zod's kind of issue and bound. */
function schemaProblem(issue: {
	readonly code: string;
	readonly path: readonly PropertyKey[];
	readonly message: string;
	readonly params?: Record<string, unknown> | undefined;
	readonly minimum?: unknown;
	readonly maximum?: unknown;
}): ProofProblem {
	const path = issue.path.map((p) => (typeof p === "number" ? p : String(p)));
	const own = issue.params?.["problem"];
	if (issue.code === "custom" && typeof own === "string") {
		const values: Record<string, string> = {};
		for (const [k, v] of Object.entries(issue.params ?? {})) {
			if (k !== "problem") values[k] = String(v);
		}
		return problem(own, values, issue.message, path);
	}
	const bound = issue.minimum ?? issue.maximum;
	const values: Record<string, number> =
		typeof bound === "number" || typeof bound === "bigint" ? { limit: Number(bound) } : {};
	const code = issue.code === "too_small" && bound === 1 ? "required" : issue.code;
	return problem(code, values, issue.message, path);
}

/** A grade's findings as one line: the rules and their count. */
const rulesOf = (events: readonly AttemptEvent[], s: Scenario) =>
	[...new Set(grade(s, events).findings.map((f) => f.rule))].join(", ");

function reference(base: Scenario, seeds: readonly number[]): Proof {
	const problems: ProofProblem[] = [];
	for (const seed of seeds) {
		const s = variant(base, seed);
		let events: AttemptEvent[];
		try {
			events = solve(base, seed);
		} catch (error) {
			problems.push(
				problem(
					"reference-stuck",
					{ seed, reason: error instanceof Error ? error.message : String(error) },
					`the reference solution does not finish for variant ${seed}`,
				),
			);
			break;
		}
		const graded = grade(s, events);
		if (graded.score !== 100 || !graded.passed) {
			const rules = rulesOf(events, s);
			problems.push(
				problem(
					"reference-score",
					{ seed, score: graded.score, rules },
					`the reference solution scores ${graded.score} on variant ${seed} (${rules})`,
				),
			);
			break;
		}
	}
	return result("reference", problems, seeds.length);
}

function briefOnly(
	base: Scenario,
	seeds: readonly number[],
	translators: Readonly<Record<Locale, Translate>>,
): Proof {
	const problems: ProofProblem[] = [];
	const locales = scenarioLocales(base);
	for (const locale of locales) {
		const t = translators[locale];
		for (const seed of seeds) {
			const s = variant(base, seed);
			const shown: ShownSection[] = requirementTable(s, t).map((section) => ({
				id: section.id,
				rows: section.rows.map((row) => row.map((cell) => ({ values: [...cell.values] }))),
			}));
			const start = startPoint(s).state;
			let events: AttemptEvent[];
			try {
				events = attemptFromTable(shown, t, start);
			} catch (error) {
				const reason = error instanceof Error ? error.message : String(error);
				problems.push(
					problem(
						"brief-only-stuck",
						{ locale, seed, reason },
						`reading only the requirements table (${locale}), a trainee gets stuck on variant ${seed}: ${reason}`,
					),
				);
				break;
			}
			const graded = grade(s, events);
			if (graded.score !== 100 || !graded.passed) {
				const rules = rulesOf(events, s);
				problems.push(
					problem(
						"brief-only-score",
						{ locale, seed, score: graded.score, rules },
						`reading only the requirements table (${locale}), a trainee scores ${graded.score} on variant ${seed} (${rules})`,
					),
				);
				break;
			}
		}
	}
	return result("brief-only", problems, seeds.length * locales.length);
}

function mistakes(base: Scenario): Proof {
	const s = variant(base, 0);
	const start = startPoint(s).state;
	const problems: ProofProblem[] = [];
	const unreachable: { rule: string; reason: string }[] = [];
	for (const mistake of criticalMistakes) {
		const reason = mistake.unreachable(s, start);
		if (reason !== null) {
			unreachable.push({ rule: mistake.rule, reason });
			continue;
		}
		if (!detects(s, playMistake(s, start, mistake), mistake.rule)) {
			problems.push(
				problem(
					"mistake-undetected",
					{ rule: mistake.rule },
					`the critical mistake ${mistake.rule} can be made but the grader does not fail it`,
				),
			);
		}
	}
	return { ...result("mistakes", problems, criticalMistakes.length), unreachable };
}
