import { joinCodeLength, joinCodePattern } from "../../simulator/cohort/join-code.ts";
import { plainText } from "../../simulator/text/plain-text.ts";
import { localDay } from "../days.ts";

/** A cohort as a trainer sets it up: in the dashboard's form and as the API's JSON body. */
export interface CohortInput {
	readonly name: string;
	/** Empty: the server generates a readable one. */
	readonly code: string;
	readonly scenarios: readonly string[];
	/** Practice runs of the assigned scenarios are offered too. */
	readonly practice: boolean;
	/** Every trainee gets the same variant (seed); otherwise each gets their own. */
	readonly sameSeed: boolean;
	/** First and last day the cohort is open (YYYY-MM-DD, server time zone, both inclusive). */
	readonly opensOn: string;
	readonly closesOn: string;
	/** Assessment attempts per trainee; null is no limit. */
	readonly attemptLimit: number | null;
	/** Whether practice attempts are sent to the server (they never count towards pass rates). */
	readonly collectPractice: boolean;
	/** A trainee who passes an issued assessment gets a certificate (PDF) with a verification code. */
	readonly certificate: boolean;
}

/** What is wrong with a field, as a stable code the trainer pages translate. */
export const fieldProblems = [
	"required",
	"too-long",
	"invalid",
	"unknown-scenario",
	"too-many",
	"before-open",
	"out-of-range",
	"taken",
] as const;
export type FieldProblem = (typeof fieldProblems)[number];

export type CohortField = keyof CohortInput;
export type FieldProblems = Partial<Record<CohortField, FieldProblem>>;

export const maxCohortName = 100;
export const maxAssignedScenarios = 20;
export const minAttemptLimit = 1;
export const maxAttemptLimit = 100;

export type CheckedInput =
	| { readonly ok: true; readonly input: CohortInput }
	| { readonly ok: false; readonly problems: FieldProblems };

/**
 * Checks an untrusted cohort body field by field, so a form can show every problem at once. Text
 * is cleaned as trainee names are (`plainText`); a field of the wrong type counts as invalid.
 * `assignable` says which scenario ids a cohort may assign: the built-in ones and the trainers'
 * published ones.
 */
export function checkCohortInput(
	value: unknown,
	assignable: (id: string) => boolean,
): CheckedInput {
	const body =
		typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
	const problems: FieldProblems = {};
	const str = (key: CohortField): string | null => {
		const v = body[key];
		if (v === undefined || v === null) return "";
		if (typeof v !== "string") {
			problems[key] = "invalid";
			return null;
		}
		return plainText(v);
	};
	const bool = (key: CohortField): boolean => {
		const v = body[key];
		if (v === undefined) return false;
		if (typeof v !== "boolean") problems[key] = "invalid";
		return v === true;
	};

	const name = str("name") ?? "";
	if (!problems.name) {
		if (name === "") problems.name = "required";
		else if (name.length > maxCohortName) problems.name = "too-long";
	}
	const code = (str("code") ?? "").toUpperCase();
	if (!problems.code && code !== "" && !joinCodePattern.test(code)) {
		problems.code = code.length > joinCodeLength.max ? "too-long" : "invalid";
	}

	const list = body.scenarios;
	let scenarios: string[] = [];
	if (!Array.isArray(list) || list.some((s) => typeof s !== "string")) {
		problems.scenarios = list === undefined ? "required" : "invalid";
	} else {
		scenarios = [...new Set(list as string[])];
		if (scenarios.length === 0) problems.scenarios = "required";
		else if (scenarios.length > maxAssignedScenarios) problems.scenarios = "too-many";
		else if (scenarios.some((id) => !assignable(id))) {
			problems.scenarios = "unknown-scenario";
		}
	}

	const opensOn = str("opensOn") ?? "";
	const closesOn = str("closesOn") ?? "";
	const opens = localDay(opensOn);
	const closes = localDay(closesOn);
	if (!problems.opensOn && opens === null)
		problems.opensOn = opensOn === "" ? "required" : "invalid";
	if (!problems.closesOn && closes === null) {
		problems.closesOn = closesOn === "" ? "required" : "invalid";
	}
	if (opens !== null && closes !== null && closes < opens) problems.closesOn = "before-open";

	const limit = body.attemptLimit;
	let attemptLimit: number | null = null;
	if (limit !== undefined && limit !== null && limit !== "") {
		const n = typeof limit === "string" ? Number(limit) : limit;
		if (typeof n !== "number" || !Number.isInteger(n)) problems.attemptLimit = "invalid";
		else if (n < minAttemptLimit || n > maxAttemptLimit) problems.attemptLimit = "out-of-range";
		else attemptLimit = n;
	}

	const input: CohortInput = {
		name,
		code,
		scenarios,
		practice: bool("practice"),
		sameSeed: bool("sameSeed"),
		opensOn,
		closesOn,
		attemptLimit,
		collectPractice: bool("collectPractice"),
		certificate: bool("certificate"),
	};
	return Object.keys(problems).length === 0 ? { ok: true, input } : { ok: false, problems };
}
